package io.switchboard.sip.incall;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A cold transfer of one call.
 *
 * @param headers extra headers for the REFER (LiveKit's {@code headers})
 * @param timeout how long to wait for the transfer's final NOTIFY (LiveKit's
 *     {@code ringing_timeout}, 80 s when unset)
 * @param playDialtone the caller hears a ringing tone, not the room, while it is transferred
 */
public record TransferRequest(ReferTarget target, Map<String, String> headers, Duration timeout, boolean playDialtone) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(80);

  public TransferRequest {
    Objects.requireNonNull(target, "target");
    headers = Map.copyOf(headers);
    for (String name : headers.keySet()) {
      if (!name.matches("[A-Za-z0-9!%*_+`'~.-]+")) {
        throw new IllegalArgumentException("header name '" + name + "' is not a SIP token");
      }
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      timeout = DEFAULT_TIMEOUT;
    }
  }

  public static TransferRequest to(String transferTo) {
    return new TransferRequest(ReferTarget.parse(transferTo), Map.of(), DEFAULT_TIMEOUT, false);
  }
}
