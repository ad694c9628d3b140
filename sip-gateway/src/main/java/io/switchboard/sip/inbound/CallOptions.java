package io.switchboard.sip.inbound;

import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.transport.SipHeader;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Per-call choices the dispatcher makes.
 *
 * @param ringingTimeout how long to ring before giving up with 480 if nobody is ready to answer
 * @param maxCallDuration the call is hung up (BYE) this long after it is answered
 * @param codecs the codec allow-list for this call (a trunk's media.codecs)
 * @param answerHeaders extra headers for the 200 OK (a trunk's headers map)
 */
public record CallOptions(
    Duration ringingTimeout, Duration maxCallDuration, CodecPolicy codecs, List<SipHeader> answerHeaders) {
  public CallOptions {
    Objects.requireNonNull(codecs, "codecs");
    if (ringingTimeout.isNegative() || ringingTimeout.isZero()) {
      throw new IllegalArgumentException("ringing timeout must be positive: " + ringingTimeout);
    }
    if (maxCallDuration.isNegative() || maxCallDuration.isZero()) {
      throw new IllegalArgumentException("max call duration must be positive: " + maxCallDuration);
    }
    answerHeaders = List.copyOf(answerHeaders);
  }

  /** LiveKit's defaults: ring up to 3 minutes, hang up after 24 hours. */
  public static CallOptions defaults() {
    return new CallOptions(Duration.ofMinutes(3), Duration.ofHours(24), CodecPolicy.defaults(), List.of());
  }

  public CallOptions withRingingTimeout(Duration timeout) {
    return new CallOptions(timeout, maxCallDuration, codecs, answerHeaders);
  }

  public CallOptions withMaxCallDuration(Duration duration) {
    return new CallOptions(ringingTimeout, duration, codecs, answerHeaders);
  }

  public CallOptions withCodecs(CodecPolicy policy) {
    return new CallOptions(ringingTimeout, maxCallDuration, policy, answerHeaders);
  }
}
