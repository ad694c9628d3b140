package io.switchboard.agent.phone;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to transfer a caller, as LiveKit's TransferSIPParticipant takes it.
 *
 * @param playDialtone the caller hears ringing instead of the room while the transfer runs
 * @param headers extra SIP headers for the REFER
 * @param timeout how long to wait for the transfer to complete; zero for the default (80 s)
 */
public record TransferOptions(boolean playDialtone, Map<String, String> headers, Duration timeout) {
  public static final TransferOptions DEFAULT = new TransferOptions(false, Map.of(), Duration.ZERO);

  public TransferOptions {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout (Duration.ZERO for the default)");
  }

  public TransferOptions withDialtone() {
    return new TransferOptions(true, headers, timeout);
  }
}
