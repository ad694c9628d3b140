package io.switchboard.sip.sdp;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.List;
import java.util.Objects;

/**
 * Which codecs a call may use.
 *
 * @param allowed the allow-list; in our own offers, also the preference order
 * @param dtmf whether to agree to RFC 4733 telephone-event
 * @param encryption SDES-SRTP policy (RFC 4568): plain only, either, or SRTP only
 */
public record CodecPolicy(List<SdpCodec> allowed, boolean dtmf, MediaEncryption encryption) {
  public CodecPolicy(List<SdpCodec> allowed, boolean dtmf) {
    this(allowed, dtmf, MediaEncryption.DISABLE);
  }

  public CodecPolicy {
    Objects.requireNonNull(encryption, "encryption");
    allowed = List.copyOf(Objects.requireNonNull(allowed, "allowed"));
    if (allowed.isEmpty()) {
      throw new IllegalArgumentException("codec allow-list is empty");
    }
  }

  public CodecPolicy withEncryption(MediaEncryption mode) {
    return new CodecPolicy(allowed, dtmf, mode);
  }

  /**
   * Opus, G.722, PCMU, PCMA and DTMF. The order only matters in our own offers (outbound calls,
   * late-offer answers): answers follow the offerer's order (see {@link OfferAnswer}). Opus comes
   * first because a far end that has it (Telnyx, WhatsApp, softphones) then gives the room
   * wideband audio with loss concealment and FEC, and one that lacks it (Twilio: PCMU/PCMA only)
   * just skips the unknown dynamic payload type and answers with G.711 as before; G.722 stays
   * ahead of G.711 for the wideband-capable SIP phones without Opus.
   */
  public static CodecPolicy defaults() {
    return new CodecPolicy(List.of(SdpCodec.OPUS, SdpCodec.G722, SdpCodec.PCMU, SdpCodec.PCMA), true);
  }
}
