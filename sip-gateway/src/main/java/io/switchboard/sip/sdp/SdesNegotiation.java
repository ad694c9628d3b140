package io.switchboard.sip.sdp;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.ArrayList;
import java.util.List;

/**
 * SDES-SRTP offer/answer for one audio stream (RFC 4568 §7), under a call's
 * {@link MediaEncryption} policy. DISABLE refuses RTP/SAVP and ignores crypto lines; ALLOW takes
 * SRTP whenever a usable crypto line is offered (also on RTP/AVP, the "best effort" offer of
 * baresip's {@code mediaenc=srtp}; LiveKit also takes crypto whatever the profile) and plain otherwise; REQUIRE refuses a stream
 * without one. Our answer carries our own key under the offerer's tag and suite (§7.1.2).
 */
final class SdesNegotiation {
  /** Suites our SRTP engine runs; AES_CM_128_HMAC_SHA1_32 is parsed but not yet run. */
  static final List<SrtpSuite> SUPPORTED = List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80);

  private SdesNegotiation() {}

  /** The outcome for one offered stream. */
  sealed interface Choice {
    record Plain() implements Choice {}

    /** @param offered the peer's crypto line we accept */
    record Srtp(SdesCrypto offered) implements Choice {}

    record Refuse(String reason) implements Choice {}
  }

  static boolean isSecureProfile(String protocol) {
    return protocol.equalsIgnoreCase("RTP/SAVP") || protocol.equalsIgnoreCase("RTP/SAVPF");
  }

  static Choice choose(MediaDescription offered, MediaEncryption mode) {
    boolean secure = isSecureProfile(offered.protocol());
    if (mode == MediaEncryption.DISABLE) {
      return secure
          ? new Choice.Refuse("SRTP (" + offered.protocol() + ") offered but media encryption is disabled")
          : new Choice.Plain();
    }
    String whyNot = "the offer has no a=crypto line";
    for (String value : offered.attributeValues("crypto")) {
      switch (SdesCrypto.parse(value)) {
        case SdesCrypto.Parsed.Usable usable when SUPPORTED.contains(usable.crypto().suite()) -> {
          return new Choice.Srtp(usable.crypto());
        }
        case SdesCrypto.Parsed.Usable usable -> whyNot = "crypto suite " + usable.crypto().suite() + " is not supported";
        case SdesCrypto.Parsed.Unusable unusable -> whyNot = unusable.reason();
      }
    }
    if (mode == MediaEncryption.REQUIRE || secure) {
      return new Choice.Refuse("no usable SDES crypto (" + whyNot + "); we take "
          + SUPPORTED.getFirst() + " with an inline key" + (mode == MediaEncryption.REQUIRE ? ", and encryption is required" : ""));
    }
    return new Choice.Plain();
  }

  /** The crypto attribute of our answer: our key under the offer's tag and suite. */
  static SdpAttribute answerAttribute(SdesCrypto offered, SdesCrypto ourKey) {
    return SdpAttribute.of("crypto", ourKey.withTagAndSuite(offered.tag(), offered.suite()).format());
  }

  static SrtpKeys keys(SdesCrypto ours, SdesCrypto theirs) {
    return new SrtpKeys(theirs.suite(), ours.withTagAndSuite(theirs.tag(), theirs.suite()), theirs);
  }

  /** Crypto attributes of our offer: one per supported suite, tags from 1. */
  static List<SdpAttribute> offerAttributes(SdesCrypto ourKey) {
    List<SdpAttribute> attributes = new ArrayList<>();
    int tag = 1;
    for (SrtpSuite suite : SUPPORTED) {
      attributes.add(SdpAttribute.of("crypto", ourKey.withTagAndSuite(tag++, suite).format()));
    }
    return attributes;
  }

  /**
   * Reads the answer's crypto against our offer (RFC 4568 §7.1.3): a known tag with the same
   * suite gives SRTP; no crypto gives plain RTP unless our offer was RTP/SAVP.
   *
   * @return the keys, null for plain RTP
   * @throws IllegalArgumentException naming what is wrong with the answer
   */
  static SrtpKeys acceptAnswer(MediaDescription ourOffer, MediaDescription answer) {
    List<String> ours = ourOffer.attributeValues("crypto");
    List<String> theirs = answer.attributeValues("crypto");
    if (ours.isEmpty()) {
      if (isSecureProfile(answer.protocol())) {
        throw new IllegalArgumentException("answer uses " + answer.protocol() + " but we offered plain RTP");
      }
      return null;
    }
    if (theirs.isEmpty()) {
      if (isSecureProfile(ourOffer.protocol())) {
        throw new IllegalArgumentException("answer has no a=crypto for our RTP/SAVP offer");
      }
      return null;
    }
    if (!(SdesCrypto.parse(theirs.getFirst()) instanceof SdesCrypto.Parsed.Usable(SdesCrypto answered))) {
      throw new IllegalArgumentException("answer's a=crypto is unusable: " + theirs.getFirst());
    }
    for (String value : ours) {
      if (SdesCrypto.parse(value) instanceof SdesCrypto.Parsed.Usable(SdesCrypto offered)
          && offered.tag() == answered.tag() && offered.suite() == answered.suite()) {
        return new SrtpKeys(answered.suite(), offered, answered);
      }
    }
    throw new IllegalArgumentException(
        "answer's a=crypto tag " + answered.tag() + " " + answered.suite() + " matches none we offered");
  }
}
