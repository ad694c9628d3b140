package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.transport.dtls.DtlsSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Our answers to a real publisher offer of LiveKit's Rust SDK (rtc-node 1.1.0). */
class PublisherAnswerTest {
  @Test
  void answersEverySectionInOrderAndAcceptsOpusVp8AndDataChannels() throws Exception {
    Sdp offer = Sdp.parse(TestTransports.rtcNodeOffer());
    PublisherAnswer answer = PublisherAnswer.answer(offer, TestTransports.ours(DtlsSetup.ACTIVE), 42, 2);
    Sdp parsed = Sdp.parse(answer.sdp());

    assertEquals(offer.media().stream().map(Sdp.Media::mid).toList(), parsed.media().stream().map(Sdp.Media::mid).toList(),
        "RFC 8829 §5.3.1: one section per offered one, same mids, same order");
    assertEquals("BUNDLE 7 8 9 10 11 12 13 14", parsed.attribute("group").orElseThrow());
    for (Sdp.Media m : parsed.media()) {
      switch (m.kind()) {
        case "video" -> {
          assertEquals(List.of("96"), m.formats(), "the client's first choice we forward, VP8, alone");
          assertEquals("96 VP8/90000", m.attribute("rtpmap").orElseThrow());
          assertEquals(List.of("96 goog-remb", "96 ccm fir", "96 nack", "96 nack pli"), m.attributes("rtcp-fb"),
              "REMB instead of transport-cc, which we would have to answer with feedback");
          assertTrue(m.attribute("simulcast").isEmpty() && m.attribute("rid").isEmpty(), "one encoding");
          assertTrue(m.attribute("inactive").isPresent(), "rtc-node's spare video sections are recvonly");
        }
        case "audio" -> {
          assertEquals(List.of("111"), m.formats(), "only Opus, with the client's payload type");
          assertEquals("111 opus/48000/2", m.attribute("rtpmap").orElseThrow());
          assertTrue(m.attribute("rtcp-mux").isPresent());
        }
        case "application" -> {
          assertEquals("UDP/DTLS/SCTP", m.proto());
          assertEquals(List.of("webrtc-datachannel"), m.formats());
          assertEquals("5000", m.attribute("sctp-port").orElseThrow());
        }
        default -> throw new AssertionError("unexpected section " + m.kind());
      }
    }
    assertEquals("recvonly", direction(parsed.media().get(6)), "mid 13 is the one the client sends on");
    assertEquals("inactive", direction(parsed.media().get(0)), "spare recvonly sections carry nothing");

    RemoteTransport transport = RemoteTransport.of(parsed);
    assertEquals(DtlsSetup.ACTIVE, transport.setup(), "RFC 8842 §5.3: active to an actpass offer");
    assertEquals(TestTransports.FINGERPRINT, transport.fingerprints().getFirst());
    assertEquals(List.of(TestTransports.HOST), transport.candidates());
  }

  @Test
  void reportsTheSendingSectionWithItsSsrcAndTrackId() throws Exception {
    PublisherAnswer answer =
        PublisherAnswer.answer(Sdp.parse(TestTransports.rtcNodeOffer()), TestTransports.ours(DtlsSetup.ACTIVE), 42, 2);
    List<PublisherAnswer.AcceptedAudio> sending = answer.audio().stream().filter(PublisherAnswer.AcceptedAudio::sending).toList();
    assertEquals(
        List.of(new PublisherAnswer.AcceptedAudio("13", 111, "3bfadf4a-f318-4f73-b000-5887d358dffe", (int) 2321073565L, true)),
        sending);
    assertEquals(4, answer.audio().size());
  }

  @Test
  void aSimulcastOfferIsAnsweredWithItsLastRidOnly() {
    // livekit-client's camera: three rids, low to high, no a=ssrc lines.
    String offer = String.join("\r\n", "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97", "a=mid:1", "a=sendonly", "a=msid:stream cam-1",
        "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx", "a=setup:actpass",
        "a=fingerprint:" + TestTransports.FINGERPRINT.toSdpValue(),
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid", "a=extmap:10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
        "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 transport-cc", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
        "a=rid:q send", "a=rid:h send", "a=rid:f send", "a=simulcast:send q;h;f", "");
    PublisherAnswer answer = PublisherAnswer.answer(Sdp.parse(offer), TestTransports.ours(DtlsSetup.ACTIVE), 1, 2);
    Sdp.Media video = Sdp.parse(answer.sdp()).media().getFirst();
    assertEquals(List.of("f recv"), video.attributes("rid"));
    assertEquals("recv f", video.attribute("simulcast").orElseThrow());
    assertEquals(List.of("4 urn:ietf:params:rtp-hdrext:sdes:mid", "10 urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id"),
        video.attributes("extmap"), "the rid travels in its header extension; transport-cc is not answered");
    assertEquals(List.of(new PublisherAnswer.AcceptedVideo("1", new VideoCodec.Offered(VideoCodec.VP8, 96), "cam-1", 0, true)),
        answer.video());
  }

  @Test
  void readsTheClientsTransport() throws Exception {
    RemoteTransport remote = RemoteTransport.of(Sdp.parse(TestTransports.rtcNodeOffer()));
    assertEquals("A21Q", remote.ice().ufrag());
    assertEquals(DtlsSetup.ACTPASS, remote.setup());
    assertEquals("sha-256", remote.fingerprints().getFirst().hashFunction());
  }

  @Test
  void rejectsAudioWithoutOpus() {
    String offer = String.join("\r\n", "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0",
        "m=audio 9 UDP/TLS/RTP/SAVPF 0", "a=mid:0", "a=sendonly", "a=rtpmap:0 PCMU/8000",
        "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx", "a=setup:actpass",
        "a=fingerprint:" + TestTransports.FINGERPRINT.toSdpValue(), "");
    PublisherAnswer answer = PublisherAnswer.answer(Sdp.parse(offer), TestTransports.ours(DtlsSetup.ACTIVE), 1, 2);
    assertEquals(0, Sdp.parse(answer.sdp()).media().getFirst().port());
    assertTrue(answer.audio().isEmpty());
    assertFalse(answer.sdp().contains("BUNDLE"));
  }

  @Test
  void namesWhatIsWrongWithBadSdp() {
    var noVersion = assertThrows(IllegalArgumentException.class, () -> Sdp.parse("o=- 1 1 IN IP4 0.0.0.0\r\n"));
    assertTrue(noVersion.getMessage().contains("v=0"), noVersion.getMessage());
    var noUfrag = assertThrows(IllegalArgumentException.class,
        () -> RemoteTransport.of(Sdp.parse("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n")));
    assertEquals("SDP has no a=ice-ufrag", noUfrag.getMessage());
    var noMid = assertThrows(IllegalArgumentException.class,
        () -> Sdp.parse("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n").media().getFirst().mid());
    assertTrue(noMid.getMessage().contains("a=mid"), noMid.getMessage());
  }

  private static String direction(Sdp.Media m) {
    for (String d : List.of("sendrecv", "sendonly", "recvonly", "inactive")) {
      if (m.attribute(d).isPresent()) {
        return d;
      }
    }
    return "sendrecv";
  }
}
