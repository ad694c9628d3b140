package io.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfferAnswerTest {
  private static final LocalSdp LOCAL = new LocalSdp("203.0.113.5", 40000, "77", 1);
  private static final CodecPolicy ALL = CodecPolicy.defaults();

  private static AnswerResult.Answered answer(String offer, CodecPolicy policy, SdpCodec keep) throws Exception {
    AnswerResult result = OfferAnswer.answer(new SdpParser().parse(offer), policy, keep, LOCAL);
    return assertInstanceOf(AnswerResult.Answered.class, result);
  }

  @Test
  void twilioOfferIsAnsweredWithPcmuAndItsEventPayloadType() throws Exception {
    var answered = answer(CarrierSdp.TWILIO_OFFER, ALL, null);

    assertEquals(new NegotiatedAudio(SdpCodec.PCMU, 0, OptionalInt.of(101), "168.86.138.35", 14572,
        MediaDirection.SENDRECV, 20), answered.audio());
    String text = SdpWriter.write(answered.answer());
    assertEquals("""
        v=0\r
        o=switchboard 77 1 IN IP4 203.0.113.5\r
        s=-\r
        c=IN IP4 203.0.113.5\r
        t=0 0\r
        m=audio 40000 RTP/AVP 0 101\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:101 telephone-event/8000\r
        a=fmtp:101 0-16\r
        a=ptime:20\r
        a=sendrecv\r
        """, text);
  }

  @Test
  void allowListSkipsOfferedCodecsItExcludes() throws Exception {
    var answered = answer(CarrierSdp.TWILIO_OFFER, new CodecPolicy(List.of(SdpCodec.PCMA), true), null);
    assertEquals(SdpCodec.PCMA, answered.audio().codec());
    assertEquals(8, answered.audio().payloadType());
  }

  @Test
  void telnyxHdOfferGetsG722WithItsOwnEventRange() throws Exception {
    var answered = answer(CarrierSdp.TELNYX_OFFER, ALL, null);
    assertEquals(SdpCodec.G722, answered.audio().codec());
    assertEquals("185.246.41.140", answered.audio().remoteAddress());
    String text = SdpWriter.write(answered.answer());
    assertTrue(text.contains("m=audio 40000 RTP/AVP 9 101\r\n"), text);
    assertTrue(text.contains("a=rtpmap:9 G722/8000\r\n"), text);
    assertTrue(text.contains("a=fmtp:101 0-15\r\n"), text);
  }

  @Test
  void answerFollowsOfferOrderNotAllowListOrder() throws Exception {
    var narrowband = new CodecPolicy(List.of(SdpCodec.PCMA, SdpCodec.PCMU), false);
    var answered = answer(CarrierSdp.TELNYX_OFFER, narrowband, null);
    assertEquals(SdpCodec.PCMU, answered.audio().codec());
    assertEquals(OptionalInt.empty(), answered.audio().dtmfPayloadType());
    assertTrue(SdpWriter.write(answered.answer()).contains("m=audio 40000 RTP/AVP 0\r\n"));
  }

  @Test
  void reofferKeepsTheCodecAlreadyInUse() throws Exception {
    var answered = answer(CarrierSdp.TWILIO_OFFER, ALL, SdpCodec.PCMA);
    assertEquals(SdpCodec.PCMA, answered.audio().codec());
  }

  @Test
  void holdReofferIsAnsweredRecvonly() throws Exception {
    var answered = answer(CarrierSdp.HOLD_REOFFER, ALL, SdpCodec.PCMU);
    assertEquals(MediaDirection.RECVONLY, answered.audio().direction());
    assertTrue(SdpWriter.write(answered.answer()).contains("a=recvonly\r\n"));
  }

  @Test
  void oldStyleHoldAddressIsReadAsSendonly() throws Exception {
    var answered = answer(CarrierSdp.OLD_STYLE_HOLD, ALL, null);
    assertEquals(MediaDirection.RECVONLY, answered.audio().direction());
    assertEquals("0.0.0.0", answered.audio().remoteAddress());
    assertEquals(SdpCodec.PCMA, answered.audio().codec());
  }

  @ParameterizedTest(name = "offer {0} with c={1} -> answer {2}")
  @CsvSource({
      "sendrecv, 192.0.2.1, SENDRECV",
      "sendonly, 192.0.2.1, RECVONLY",
      "recvonly, 192.0.2.1, SENDONLY",
      "inactive, 192.0.2.1, INACTIVE",
      "sendrecv, 0.0.0.0, RECVONLY",
      "recvonly, 0.0.0.0, INACTIVE",
  })
  void directionsAreAnsweredPerRfc3264(String offered, String address, MediaDirection expected)
      throws Exception {
    String offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 " + address
        + "\r\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\na=" + offered + "\r\n";
    assertEquals(expected, answer(offer, ALL, null).audio().direction());
  }

  @Test
  void nonAudioAndSurplusStreamsAreRejectedWithPortZero() throws Exception {
    var answered = answer(CarrierSdp.AUDIO_VIDEO_OFFER, ALL, null);
    List<MediaDescription> media = answered.answer().media();
    assertEquals(2, media.size());
    assertEquals("video", media.get(0).media());
    assertEquals(0, media.get(0).port());
    assertEquals(40000, media.get(1).port());
    // Media-level c= wins over the session's; session-level recvonly applies to the audio stream.
    assertEquals("192.0.2.11", answered.audio().remoteAddress());
    assertEquals(MediaDirection.SENDONLY, answered.audio().direction());
    assertEquals(SdpCodec.PCMA, answered.audio().codec());
  }

  @Test
  void offerWithoutCommonCodecIsNotAcceptableAndSaysWhatWasOffered() throws Exception {
    String offer = CarrierSdp.TELNYX_OFFER.replace("RTP/AVP 9 0 8 18 101", "RTP/AVP 18 101");
    var result = OfferAnswer.answer(new SdpParser().parse(offer), ALL, null, LOCAL);
    var rejected = assertInstanceOf(AnswerResult.NotAcceptable.class, result);
    assertTrue(rejected.reason().contains("G729/8000"), rejected.reason());
  }

  @Test
  void srtpOnlyOfferIsNotAcceptable() throws Exception {
    String offer = CarrierSdp.TWILIO_OFFER.replace("RTP/AVP", "RTP/SAVP");
    var result = OfferAnswer.answer(new SdpParser().parse(offer), ALL, null, LOCAL);
    var rejected = assertInstanceOf(AnswerResult.NotAcceptable.class, result);
    assertTrue(rejected.reason().contains("RTP/SAVP"), rejected.reason());
  }

  @Test
  void ourOfferListsAllowedCodecsThenEvents() {
    SessionDescription offer = OfferAnswer.offer(ALL, MediaDirection.SENDRECV, LOCAL);
    assertEquals("""
        v=0\r
        o=switchboard 77 1 IN IP4 203.0.113.5\r
        s=-\r
        c=IN IP4 203.0.113.5\r
        t=0 0\r
        m=audio 40000 RTP/AVP 111 9 0 8 110 101\r
        a=rtpmap:111 opus/48000/2\r
        a=fmtp:111 minptime=10;useinbandfec=1\r
        a=rtpmap:9 G722/8000\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:110 telephone-event/48000\r
        a=fmtp:110 0-16\r
        a=rtpmap:101 telephone-event/8000\r
        a=fmtp:101 0-16\r
        a=ptime:20\r
        a=sendrecv\r
        """, SdpWriter.write(offer));
  }

  @Test
  void answerToOurOfferPicksTheirFirstCodecThatWeOffered() throws Exception {
    SessionDescription offer = OfferAnswer.offer(ALL, MediaDirection.SENDRECV, LOCAL);
    SessionDescription answer = new SdpParser().parse("""
        v=0\r
        o=user1 53655765 2353687637 IN IP4 127.0.0.1\r
        s=-\r
        c=IN IP4 127.0.0.1\r
        t=0 0\r
        m=audio 6000 RTP/AVP 8 101\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:101 telephone-event/8000\r
        """);
    var accepted = assertInstanceOf(AnswerAcceptance.Accepted.class, OfferAnswer.acceptAnswer(offer, answer));
    assertEquals(new NegotiatedAudio(SdpCodec.PCMA, 8, OptionalInt.of(101), "127.0.0.1", 6000,
        MediaDirection.SENDRECV, 20), accepted.audio());
  }

  @Test
  void answerRejectingOurAudioIsNotAcceptable() throws Exception {
    SessionDescription offer = OfferAnswer.offer(ALL, MediaDirection.SENDRECV, LOCAL);
    SessionDescription answer = new SdpParser().parse(
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n");
    assertInstanceOf(AnswerAcceptance.NotAcceptable.class, OfferAnswer.acceptAnswer(offer, answer));
  }
}
