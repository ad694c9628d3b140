package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The peer's a=max-message-size (RFC 8841 §6) read from descriptions as Chromium writes them. */
class DataSectionsTest {
  private static final String SESSION = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  private static final String AUDIO = "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n";

  @Test
  void chromiumsOfferDeclaresItsLimit() {
    Sdp offer = Sdp.parse(SESSION + AUDIO
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:1\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n");
    assertEquals(OptionalInt.of(262144), DataSections.remoteMaxMessageSize(offer));
  }

  @Test
  void withoutTheAttributeRfc8841Says64KiB() {
    Sdp answer = Sdp.parse(SESSION + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\na=sctp-port:5000\r\n");
    assertEquals(OptionalInt.of(65536), DataSections.remoteMaxMessageSize(answer));
  }

  @Test
  void noOrARejectedSctpSectionMeansNoDataChannels() {
    assertEquals(OptionalInt.empty(), DataSections.remoteMaxMessageSize(Sdp.parse(SESSION + AUDIO)));
    assertEquals(OptionalInt.empty(), DataSections.remoteMaxMessageSize(Sdp.parse(SESSION
        + "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n")));
  }
}
