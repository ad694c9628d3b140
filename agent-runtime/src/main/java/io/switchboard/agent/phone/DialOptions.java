package io.switchboard.agent.phone;

import java.time.Duration;
import java.util.Objects;

/**
 * How an agent places a call (LiveKit's CreateSIPParticipant, into the agent's room).
 *
 * @param trunkId the outbound trunk to dial through; empty for the one created first
 * @param participantIdentity the callee's identity in the room; empty for LiveKit's {@code sip_<number>}
 * @param playDialtone the room hears ringing until the callee answers
 * @param ringingTimeout how long to let it ring; zero for the default (3 minutes)
 */
public record DialOptions(String trunkId, String participantIdentity, boolean playDialtone, Duration ringingTimeout) {
  public static final DialOptions DEFAULT = new DialOptions("", "", false, Duration.ZERO);

  public DialOptions {
    trunkId = trunkId == null ? "" : trunkId;
    participantIdentity = participantIdentity == null ? "" : participantIdentity;
    Objects.requireNonNull(ringingTimeout, "ringingTimeout (Duration.ZERO for the default)");
    if (ringingTimeout.isNegative()) {
      throw new IllegalArgumentException("ringingTimeout must not be negative: " + ringingTimeout);
    }
  }

  public DialOptions withTrunk(String id) {
    return new DialOptions(id, participantIdentity, playDialtone, ringingTimeout);
  }

  public DialOptions withIdentity(String identity) {
    return new DialOptions(trunkId, identity, playDialtone, ringingTimeout);
  }

  public DialOptions withRingingTimeout(Duration timeout) {
    return new DialOptions(trunkId, participantIdentity, playDialtone, timeout);
  }
}
