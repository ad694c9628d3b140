package io.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 4568 §7 offer/answer under each media_encryption policy. */
class SrtpOfferAnswerTest {
  private static final String THEIR_KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";
  private static final byte[] OUR_KEY_SALT = new byte[30];

  static {
    for (int i = 0; i < OUR_KEY_SALT.length; i++) {
      OUR_KEY_SALT[i] = (byte) (i + 1);
    }
  }

  private static final SdesCrypto OUR_KEY = new SdesCrypto(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, OUR_KEY_SALT);
  private static final String OUR_INLINE = Base64.getEncoder().encodeToString(OUR_KEY_SALT);
  private static final LocalSdp LOCAL = new LocalSdp("203.0.113.5", 40000, "77", 1, OUR_KEY);

  /** What baresip sends with mediaenc=srtp-mand: RTP/SAVP, two suites. */
  private static String offer(String profile, String... cryptoLines) {
    StringBuilder sdp = new StringBuilder("""
        v=0\r
        o=- 1 2 IN IP4 198.51.100.7\r
        s=-\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=audio 10000 %s 0 101\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:101 telephone-event/8000\r
        """.formatted(profile));
    for (String line : cryptoLines) {
      sdp.append("a=crypto:").append(line).append("\r\n");
    }
    return sdp.toString();
  }

  private static AnswerResult answer(String offer, MediaEncryption mode) throws Exception {
    return OfferAnswer.answer(new SdpParser().parse(offer), CodecPolicy.defaults().withEncryption(mode), null, LOCAL);
  }

  @Test
  void requireAnswersASavpOfferWithOurKeyUnderTheOfferersTagAndSuite() throws Exception {
    var answered = assertInstanceOf(AnswerResult.Answered.class, answer(offer("RTP/SAVP",
        "3 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY, "4 AES_CM_128_HMAC_SHA1_32 inline:" + THEIR_KEY),
        MediaEncryption.REQUIRE));
    String text = SdpWriter.write(answered.answer());
    assertTrue(text.contains("m=audio 40000 RTP/SAVP 0 101\r\n"), text);
    assertTrue(text.contains("a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:" + OUR_INLINE + "\r\n"), text);
    SrtpKeys keys = answered.audio().srtp();
    assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_80, keys.suite());
    assertArrayEquals(OUR_KEY_SALT, keys.local().keySalt());
    assertArrayEquals(Base64.getDecoder().decode(THEIR_KEY), keys.remote().keySalt());
  }

  @Test
  void requireRefusesAPlainOffer() throws Exception {
    var refused = assertInstanceOf(AnswerResult.NotAcceptable.class, answer(offer("RTP/AVP"), MediaEncryption.REQUIRE));
    assertTrue(refused.reason().contains("encryption is required"), refused.reason());
  }

  @Test
  void requireRefusesAnOfferWithOnlyTheSuiteWeDoNotRunYet() throws Exception {
    var refused = assertInstanceOf(AnswerResult.NotAcceptable.class,
        answer(offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_32 inline:" + THEIR_KEY), MediaEncryption.REQUIRE));
    assertTrue(refused.reason().contains("AES_CM_128_HMAC_SHA1_32"), refused.reason());
  }

  @Test
  void allowTakesSrtpWhenOfferedAndPlainOtherwise() throws Exception {
    var secure = assertInstanceOf(AnswerResult.Answered.class,
        answer(offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY), MediaEncryption.ALLOW));
    assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_80, secure.audio().srtp().suite());
    var bestEffort = assertInstanceOf(AnswerResult.Answered.class,
        answer(offer("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY), MediaEncryption.ALLOW));
    assertTrue(SdpWriter.write(bestEffort.answer()).contains("RTP/AVP 0 101\r\na=rtpmap"));
    assertEquals(SrtpSuite.AES_CM_128_HMAC_SHA1_80, bestEffort.audio().srtp().suite());
    var plain = assertInstanceOf(AnswerResult.Answered.class, answer(offer("RTP/AVP"), MediaEncryption.ALLOW));
    assertNull(plain.audio().srtp());
    assertTrue(!SdpWriter.write(plain.answer()).contains("a=crypto"));
  }

  @Test
  void disableRefusesSavpAndIgnoresCryptoOnAvp() throws Exception {
    var refused = assertInstanceOf(AnswerResult.NotAcceptable.class,
        answer(offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY), MediaEncryption.DISABLE));
    assertTrue(refused.reason().contains("disabled"), refused.reason());
    var plain = assertInstanceOf(AnswerResult.Answered.class,
        answer(offer("RTP/AVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY), MediaEncryption.DISABLE));
    assertNull(plain.audio().srtp());
    assertTrue(!SdpWriter.write(plain.answer()).contains("a=crypto"));
  }

  @Test
  void requireOffersSavpAndReadsTheAnswersKey() throws Exception {
    SessionDescription ours = OfferAnswer.offer(
        CodecPolicy.defaults().withEncryption(MediaEncryption.REQUIRE), MediaDirection.SENDRECV, LOCAL);
    String text = SdpWriter.write(ours);
    assertTrue(text.contains("m=audio 40000 RTP/SAVP "), text);
    assertTrue(text.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:" + OUR_INLINE + "\r\n"), text);

    var accepted = assertInstanceOf(AnswerAcceptance.Accepted.class, OfferAnswer.acceptAnswer(ours,
        new SdpParser().parse(offer("RTP/SAVP", "1 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY))));
    assertArrayEquals(Base64.getDecoder().decode(THEIR_KEY), accepted.audio().srtp().remote().keySalt());
    assertArrayEquals(OUR_KEY_SALT, accepted.audio().srtp().local().keySalt());

    var plainAnswer = assertInstanceOf(AnswerAcceptance.NotAcceptable.class,
        OfferAnswer.acceptAnswer(ours, new SdpParser().parse(offer("RTP/AVP"))));
    assertTrue(plainAnswer.reason().contains("no a=crypto"), plainAnswer.reason());
    var wrongTag = assertInstanceOf(AnswerAcceptance.NotAcceptable.class, OfferAnswer.acceptAnswer(ours,
        new SdpParser().parse(offer("RTP/SAVP", "9 AES_CM_128_HMAC_SHA1_80 inline:" + THEIR_KEY))));
    assertTrue(wrongTag.reason().contains("tag 9"), wrongTag.reason());
  }

  @Test
  void allowOffersAvpWithCryptoAndAcceptsAPlainAnswer() throws Exception {
    SessionDescription ours = OfferAnswer.offer(
        CodecPolicy.defaults().withEncryption(MediaEncryption.ALLOW), MediaDirection.SENDRECV, LOCAL);
    String text = SdpWriter.write(ours);
    assertTrue(text.contains("m=audio 40000 RTP/AVP "), text);
    assertTrue(text.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"), text);
    var accepted = assertInstanceOf(AnswerAcceptance.Accepted.class,
        OfferAnswer.acceptAnswer(ours, new SdpParser().parse(offer("RTP/AVP"))));
    assertNull(accepted.audio().srtp());
  }

  @Test
  void disableOffersPlainRtp() {
    String text = SdpWriter.write(OfferAnswer.offer(CodecPolicy.defaults(), MediaDirection.SENDRECV, LOCAL));
    assertTrue(text.contains("RTP/AVP") && !text.contains("a=crypto"), text);
  }
}
