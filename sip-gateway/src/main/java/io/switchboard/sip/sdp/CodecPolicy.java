package io.switchboard.sip.sdp;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /** The codec names the configuration accepts ({@code sip.codecs}), in the default order. */
  public static final List<String> CONFIG_NAMES = List.of("opus", "g722", "pcmu", "pcma");

  /**
   * The server-wide list {@code sip.codecs}: names as users write them ({@code opus}, {@code g722},
   * {@code pcmu}, {@code pcma}; any case), in order of preference for our offers. telephone-event is
   * always added (it is not a codec to choose). Unknown names, repeats and an empty list are errors
   * that name the value and the allowed ones.
   */
  public static CodecPolicy fromConfig(List<String> names) {
    Objects.requireNonNull(names, "names");
    if (names.isEmpty()) {
      throw new IllegalArgumentException("sip.codecs is empty: list at least one of " + CONFIG_NAMES);
    }
    List<SdpCodec> codecs = new ArrayList<>();
    for (String name : names) {
      String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      if (!CONFIG_NAMES.contains(key)) {
        throw new IllegalArgumentException("sip.codecs: unknown codec '" + name + "'; allowed: " + CONFIG_NAMES);
      }
      SdpCodec codec = SdpCodec.byName(key);
      if (codecs.contains(codec)) {
        throw new IllegalArgumentException("sip.codecs: codec '" + name + "' is listed twice");
      }
      codecs.add(codec);
    }
    return new CodecPolicy(codecs, true);
  }

  /**
   * This call's policy narrowed to what the server allows ({@code sip.codecs}): the server's order,
   * only codecs both allow, DTMF when both agree, this call's encryption. A per-call list can only
   * narrow the server's, never widen or reorder it.
   *
   * @throws IllegalArgumentException when the two share no codec
   */
  public CodecPolicy within(CodecPolicy server) {
    List<SdpCodec> both = server.allowed().stream().filter(allowed::contains).toList();
    if (both.isEmpty()) {
      throw new IllegalArgumentException("no codec is allowed both by the call " + allowed
          + " and by sip.codecs " + server.allowed());
    }
    return new CodecPolicy(both, dtmf && server.dtmf(), encryption);
  }

  /**
   * Opus, G.722, PCMU, PCMA and DTMF ({@code sip.codecs} unset). The order only matters in our own
   * offers (outbound calls, late-offer answers): answers follow the offerer's order (see
   * {@link OfferAnswer}). Opus comes
   * first because a far end that has it (Telnyx, WhatsApp, softphones) then gives the room
   * wideband audio with loss concealment and FEC, and one that lacks it (Twilio: PCMU/PCMA only)
   * just skips the unknown dynamic payload type and answers with G.711 as before; G.722 stays
   * ahead of G.711 for the wideband-capable SIP phones without Opus.
   */
  public static CodecPolicy defaults() {
    return new CodecPolicy(List.of(SdpCodec.OPUS, SdpCodec.G722, SdpCodec.PCMU, SdpCodec.PCMA), true);
  }
}
