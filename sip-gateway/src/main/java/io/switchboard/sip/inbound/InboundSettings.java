package io.switchboard.sip.inbound;

import io.switchboard.sip.sdp.CodecPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Gateway-wide defaults for inbound calls.
 *
 * @param sessionTimers RFC 4028 policy
 * @param codecs the codec policy used to reject hopeless offers (488) before dispatch
 * @param maxRingingTimeout an upper bound on any call's ringing time, and the time allowed for
 *     the handler to decide; keep it below the stack's INVITE transaction lifetime
 * @param hideFromScanners send 100 Trying only after authorization accepts, so Drop is silent
 */
public record InboundSettings(
    SessionTimerPolicy sessionTimers, CodecPolicy codecs, Duration maxRingingTimeout, boolean hideFromScanners) {
  public InboundSettings {
    Objects.requireNonNull(sessionTimers, "sessionTimers");
    Objects.requireNonNull(codecs, "codecs");
    if (maxRingingTimeout.isNegative() || maxRingingTimeout.isZero()) {
      throw new IllegalArgumentException("max ringing timeout must be positive: " + maxRingingTimeout);
    }
  }

  public static InboundSettings defaults() {
    return new InboundSettings(SessionTimerPolicy.defaults(), CodecPolicy.defaults(), Duration.ofMinutes(3), false);
  }

  public InboundSettings withSessionTimers(SessionTimerPolicy policy) {
    return new InboundSettings(policy, codecs, maxRingingTimeout, hideFromScanners);
  }

  public InboundSettings withHideFromScanners(boolean hide) {
    return new InboundSettings(sessionTimers, codecs, maxRingingTimeout, hide);
  }
}
