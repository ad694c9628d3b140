package io.switchboard.sip.sdp;

import java.util.List;
import java.util.Objects;

/**
 * Which codecs a call may use.
 *
 * @param allowed the allow-list; in our own offers, also the preference order
 * @param dtmf whether to agree to RFC 4733 telephone-event
 */
public record CodecPolicy(List<SdpCodec> allowed, boolean dtmf) {
  public CodecPolicy {
    allowed = List.copyOf(Objects.requireNonNull(allowed, "allowed"));
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("codec allow-list is empty");
    }
  }

  /** G.722, PCMU, PCMA and DTMF. Answers still follow the offerer's order (see {@link OfferAnswer}). */
  public static CodecPolicy defaults() {
    return new CodecPolicy(List.of(SdpCodec.G722, SdpCodec.PCMU, SdpCodec.PCMA), true);
  }
}
