package io.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's {@code sip.codecs}: names as users write them, our offers in that order with
 * telephone-event, answers in the offerer's order among the allowed codecs (RFC 3264 §6.1), and
 * 488 material (NotAcceptable) when an offer has none of them.
 */
class ServerCodecListTest {
  private static final LocalSdp LOCAL = new LocalSdp("203.0.113.5", 40000, "77", 1);

  @Test
  void namesAreCaseInsensitiveAndTheirOrderIsKept() {
    assertEquals(List.of(SdpCodec.PCMA, SdpCodec.OPUS, SdpCodec.PCMU),
        CodecPolicy.fromConfig(List.of("PCMA", "Opus", " pcmu ")).allowed());
    assertEquals(CodecPolicy.defaults(), CodecPolicy.fromConfig(CodecPolicy.CONFIG_NAMES), "the default is today's list");
    assertTrue(CodecPolicy.fromConfig(List.of("pcmu")).dtmf(), "telephone-event is always on");
  }

  @Test
  void anUnknownNameIsAnErrorNamingItAndTheAllowedOnes() {
    var e = assertThrows(IllegalArgumentException.class, () -> CodecPolicy.fromConfig(List.of("pcmu", "G729")));
    assertEquals("sip.codecs: unknown codec 'G729'; allowed: [opus, g722, pcmu, pcma]", e.getMessage());
    assertEquals("sip.codecs: unknown codec 'telephone-event'; allowed: [opus, g722, pcmu, pcma]",
        assertThrows(IllegalArgumentException.class, () -> CodecPolicy.fromConfig(List.of("telephone-event")))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> CodecPolicy.fromConfig(List.of())).getMessage()
        .startsWith("sip.codecs is empty"));
    assertEquals("sip.codecs: codec 'PCMU' is listed twice",
        assertThrows(IllegalArgumentException.class, () -> CodecPolicy.fromConfig(List.of("pcmu", "PCMU"))).getMessage());
  }

  @Test
  void pcmuOnlyOfferListsPcmuAndTelephoneEventAndNothingElse() {
    String offer = SdpWriter.write(OfferAnswer.offer(CodecPolicy.fromConfig(List.of("pcmu")), MediaDirection.SENDRECV,
        LOCAL));
    assertTrue(offer.contains("m=audio 40000 RTP/AVP 0 101\r\n"), offer);
    assertTrue(offer.contains("a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n"), offer);
    assertTrue(!offer.contains("opus") && !offer.contains("G722") && !offer.contains("PCMA"), offer);
  }

  @Test
  void ourOfferFollowsTheConfiguredOrder() {
    String offer = SdpWriter.write(OfferAnswer.offer(CodecPolicy.fromConfig(List.of("pcma", "g722")),
        MediaDirection.SENDRECV, LOCAL));
    assertTrue(offer.contains("m=audio 40000 RTP/AVP 8 9 101\r\n"), offer);
  }

  @Test
  void opusAndPcmuOfferIsAnsweredWithPcmuWhenOnlyPcmuIsAllowed() throws Exception {
    var answered = answer(OpusOfferAnswerTest.TELNYX_OPUS_OFFER, List.of("pcmu"));
    assertEquals(SdpCodec.PCMU, answered.audio().codec());
    String text = SdpWriter.write(answered.answer());
    assertTrue(text.contains("m=audio 40000 RTP/AVP 0 102\r\n"), text);
  }

  /** RFC 3264 §6.1: the offerer's preference (Twilio: PCMU first) wins over the order of our list. */
  @Test
  void answersKeepTheOfferersOrderAmongTheAllowedCodecs() throws Exception {
    assertEquals(SdpCodec.PCMU, answer(CarrierSdp.TWILIO_OFFER, List.of("pcma", "pcmu")).audio().codec());
    assertEquals(SdpCodec.G722, answer(CarrierSdp.TELNYX_OFFER, List.of("pcmu", "g722")).audio().codec());
  }

  @Test
  void anOfferWithNoneOfOurCodecsIsNotAcceptable() throws Exception {
    var result = OfferAnswer.answer(new SdpParser().parse(CarrierSdp.TWILIO_OFFER),
        CodecPolicy.fromConfig(List.of("opus", "g722")), null, LOCAL);
    var refused = assertInstanceOf(AnswerResult.NotAcceptable.class, result);
    assertTrue(refused.reason().startsWith("no common codec: offered [PCMU/8000, PCMA/8000, telephone-event/8000]"),
        refused.reason());
  }

  @Test
  void aCallsListIsNarrowedToTheServersInTheServersOrder() {
    var server = CodecPolicy.fromConfig(List.of("pcmu", "opus"));
    var call = CodecPolicy.defaults().withEncryption(MediaEncryption.ALLOW);
    assertEquals(new CodecPolicy(List.of(SdpCodec.PCMU, SdpCodec.OPUS), true, MediaEncryption.ALLOW), call.within(server));
    var disjoint = new CodecPolicy(List.of(SdpCodec.G722), true);
    assertThrows(IllegalArgumentException.class, () -> disjoint.within(server));
  }

  private static AnswerResult.Answered answer(String offer, List<String> codecs) throws Exception {
    return assertInstanceOf(AnswerResult.Answered.class,
        OfferAnswer.answer(new SdpParser().parse(offer), CodecPolicy.fromConfig(codecs), null, LOCAL));
  }
}
