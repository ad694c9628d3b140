package io.switchboard.sip.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.MediaEncryption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** RFC 7587 Opus on the SIP leg, with RFC 4733 events on the matching clock. */
class OpusOfferAnswerTest {
  private static final LocalSdp LOCAL = new LocalSdp("203.0.113.5", 40000, "77", 1);
  private static final CodecPolicy ALL = CodecPolicy.defaults();

  /** Telnyx with Opus enabled: Opus on 96 first, G.711 after, events at both clocks. */
  static final String TELNYX_OPUS_OFFER = """
      v=0\r
      o=- 1700000000 1700000000 IN IP4 192.76.120.10\r
      s=Telnyx\r
      c=IN IP4 185.246.41.140\r
      t=0 0\r
      m=audio 20000 RTP/AVP 96 0 8 101 102\r
      a=rtpmap:96 opus/48000/2\r
      a=fmtp:96 useinbandfec=1\r
      a=rtpmap:0 PCMU/8000\r
      a=rtpmap:8 PCMA/8000\r
      a=rtpmap:101 telephone-event/48000\r
      a=fmtp:101 0-16\r
      a=rtpmap:102 telephone-event/8000\r
      a=fmtp:102 0-16\r
      a=ptime:20\r
      a=sendrecv\r
      """;

  private static AnswerResult.Answered answer(String offer, CodecPolicy policy, SdpCodec keep) throws Exception {
    return assertInstanceOf(AnswerResult.Answered.class,
        OfferAnswer.answer(new SdpParser().parse(offer), policy, keep, LOCAL));
  }

  @Test
  void telnyxOpusOfferIsAnsweredWithOpusOnItsPayloadTypeAndTheWidebandEvents() throws Exception {
    var answered = answer(TELNYX_OPUS_OFFER, ALL, null);

    assertEquals(new NegotiatedAudio(SdpCodec.OPUS, 96, OptionalInt.of(101), "185.246.41.140", 20000,
        MediaDirection.SENDRECV, 20), answered.audio());
    assertEquals(48_000, answered.audio().dtmfClockRate());
    assertEquals("""
        v=0\r
        o=switchboard 77 1 IN IP4 203.0.113.5\r
        s=-\r
        c=IN IP4 203.0.113.5\r
        t=0 0\r
        m=audio 40000 RTP/AVP 96 101\r
        a=rtpmap:96 opus/48000/2\r
        a=fmtp:96 minptime=10;useinbandfec=1\r
        a=rtpmap:101 telephone-event/48000\r
        a=fmtp:101 0-16\r
        a=ptime:20\r
        a=sendrecv\r
        """, SdpWriter.write(answered.answer()));
  }

  @Test
  void opusOfferedButNotAllowedFallsBackToPcmuWithTheNarrowbandEvents() throws Exception {
    var answered = answer(TELNYX_OPUS_OFFER, new CodecPolicy(List.of(SdpCodec.PCMU, SdpCodec.PCMA), true), null);

    assertEquals(new NegotiatedAudio(SdpCodec.PCMU, 0, OptionalInt.of(102), "185.246.41.140", 20000,
        MediaDirection.SENDRECV, 20), answered.audio());
    String text = SdpWriter.write(answered.answer());
    assertTrue(text.contains("m=audio 40000 RTP/AVP 0 102\r\n"), text);
    assertTrue(text.contains("a=rtpmap:102 telephone-event/8000\r\n"), text);
    assertTrue(!text.contains("opus") && !text.contains("/48000"), text);
  }

  @Test
  void answersFollowTheOfferersOrderEvenWhenOpusIsOfferedLast() throws Exception {
    String offer = TELNYX_OPUS_OFFER.replace("RTP/AVP 96 0 8 101 102", "RTP/AVP 8 96 101 102");
    var answered = answer(offer, ALL, null);
    assertEquals(SdpCodec.PCMA, answered.audio().codec());
    assertEquals(OptionalInt.of(102), answered.audio().dtmfPayloadType(), "events at PCMA's 8000 clock");
  }

  @Test
  void reInviteKeepsOpusWhenItIsStillOffered() throws Exception {
    String reoffer = TELNYX_OPUS_OFFER.replace("RTP/AVP 96 0 8 101 102", "RTP/AVP 0 96 101 102");
    var answered = answer(reoffer, ALL, SdpCodec.OPUS);
    assertEquals(SdpCodec.OPUS, answered.audio().codec());
    assertEquals(96, answered.audio().payloadType());
    assertEquals(OptionalInt.of(101), answered.audio().dtmfPayloadType());
  }

  @Test
  void opusWithEventsOnlyAtTheNarrowbandClockKeepsThoseEvents() throws Exception {
    // RFC 4733 §2.1 says events SHOULD share the audio's clock, but baresip 1.0 (and some PBXs)
    // pair Opus with telephone-event/8000 only: we keep them, counting durations at 8000,
    // rather than lose the caller's keypresses.
    String offer = """
        v=0\r
        o=- 1 1 IN IP4 198.51.100.7\r
        s=-\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=audio 20000 RTP/AVP 96 101\r
        a=rtpmap:96 OPUS/48000/2\r
        a=rtpmap:101 telephone-event/8000\r
        """;
    var answered = answer(offer, ALL, null);
    assertEquals(SdpCodec.OPUS, answered.audio().codec(), "the encoding name is case-insensitive");
    assertEquals(OptionalInt.of(101), answered.audio().dtmfPayloadType());
    assertEquals(8000, answered.audio().dtmfClockRate());
    String text = SdpWriter.write(answered.answer());
    assertTrue(text.contains("m=audio 40000 RTP/AVP 96 101\r\n"), text);
    assertTrue(text.contains("a=rtpmap:101 telephone-event/8000\r\n"), text);
  }

  @Test
  void opusIsKnownOnlyBy48000AndTwoChannelsAndNeverByAPayloadTypeNumber() throws Exception {
    var media = new SdpParser().parse("""
        v=0\r
        o=- 1 1 IN IP4 198.51.100.7\r
        s=-\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=audio 20000 RTP/AVP 96 97 111 98\r
        a=rtpmap:96 opus/48000\r
        a=rtpmap:97 opus/16000/2\r
        a=rtpmap:98 Opus/48000/2\r
        """).media().getFirst();
    assertEquals(Optional.empty(), SdpCodec.identify(media, "96"), "RFC 7587 §7: always /2");
    assertEquals(Optional.empty(), SdpCodec.identify(media, "97"));
    assertEquals(Optional.empty(), SdpCodec.identify(media, "111"), "no rtpmap: no static meaning");
    assertEquals(Optional.of(SdpCodec.OPUS), SdpCodec.identify(media, "98"));
    assertEquals(SdpCodec.OPUS, SdpCodec.byName("opus"));
    assertEquals(SdpCodec.OPUS, SdpCodec.byName("OPUS"));
    var unknown = assertThrows(IllegalArgumentException.class, () -> SdpCodec.byName("G729"));
    assertTrue(unknown.getMessage().contains("OPUS"), unknown.getMessage());
  }

  @Test
  void ourOfferCarriesOpusWithFmtpAndEventsForEachClock() throws Exception {
    SessionDescription offer = OfferAnswer.offer(ALL, MediaDirection.SENDRECV, LOCAL);
    MediaDescription audio = offer.media().getFirst();

    assertEquals(List.of("111", "9", "0", "8", "110", "101"), audio.formats());
    assertEquals(Optional.of(SdpCodec.OPUS), SdpCodec.identify(audio, "111"));
    assertEquals(Optional.of("minptime=10;useinbandfec=1"), audio.fmtp(111));
    assertTrue(audio.fmtp(111).orElseThrow().indexOf("stereo") < 0, "mono: no stereo=1");
    assertEquals(OptionalInt.of(110), TelephoneEvent.payloadTypeIn(audio, 48000));
    assertEquals(OptionalInt.of(101), TelephoneEvent.payloadTypeIn(audio, 8000));
    // No payload type is used twice.
    assertEquals(audio.formats().size(), audio.formats().stream().distinct().count());
  }

  @Test
  void offerWithoutOpusOffersOnlyTheNarrowbandEvents() {
    var policy = new CodecPolicy(List.of(SdpCodec.PCMU, SdpCodec.PCMA), true);
    MediaDescription audio = OfferAnswer.offer(policy, MediaDirection.SENDRECV, LOCAL).media().getFirst();
    assertEquals(List.of("0", "8", "101"), audio.formats());
  }

  @Test
  void opusAnswerToOurOfferUsesItsWidebandEvents() throws Exception {
    SessionDescription ours = OfferAnswer.offer(ALL, MediaDirection.SENDRECV, LOCAL);
    SessionDescription answer = new SdpParser().parse("""
        v=0\r
        o=- 5 5 IN IP4 198.51.100.7\r
        s=-\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=audio 6000 RTP/AVP 111 110\r
        a=rtpmap:111 opus/48000/2\r
        a=fmtp:111 useinbandfec=1\r
        a=rtpmap:110 telephone-event/48000\r
        """);
    var accepted = assertInstanceOf(AnswerAcceptance.Accepted.class, OfferAnswer.acceptAnswer(ours, answer));
    assertEquals(new NegotiatedAudio(SdpCodec.OPUS, 111, OptionalInt.of(110), "198.51.100.7", 6000,
        MediaDirection.SENDRECV, 20), accepted.audio());
  }

  @Test
  void g711AnswerToOurOfferUsesTheNarrowbandEvents() throws Exception {
    SessionDescription ours = OfferAnswer.offer(ALL, MediaDirection.SENDRECV, LOCAL);
    SessionDescription answer = new SdpParser().parse("""
        v=0\r
        o=- 5 5 IN IP4 198.51.100.7\r
        s=-\r
        c=IN IP4 198.51.100.7\r
        t=0 0\r
        m=audio 6000 RTP/AVP 0 110 101\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:110 telephone-event/48000\r
        a=rtpmap:101 telephone-event/8000\r
        """);
    var accepted = assertInstanceOf(AnswerAcceptance.Accepted.class, OfferAnswer.acceptAnswer(ours, answer));
    assertEquals(SdpCodec.PCMU, accepted.audio().codec());
    assertEquals(OptionalInt.of(101), accepted.audio().dtmfPayloadType());
  }

  @Test
  void srtpOfferWithOpusIsAnsweredWithOpusAndOurKey() throws Exception {
    var key = SdesCrypto.generate(new java.security.SecureRandom());
    var local = new LocalSdp("203.0.113.5", 40000, "77", 1, key);
    String offer = TELNYX_OPUS_OFFER.replace("RTP/AVP", "RTP/SAVP")
        + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR\r\n";
    var answered = assertInstanceOf(AnswerResult.Answered.class, OfferAnswer.answer(
        new SdpParser().parse(offer), ALL.withEncryption(MediaEncryption.REQUIRE), null, local));
    assertEquals(SdpCodec.OPUS, answered.audio().codec());
    assertNotEquals(null, answered.audio().srtp());
    String text = SdpWriter.write(answered.answer());
    assertTrue(text.contains("m=audio 40000 RTP/SAVP 96 101\r\n"), text);
    assertTrue(text.contains("a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"), text);
  }
}
