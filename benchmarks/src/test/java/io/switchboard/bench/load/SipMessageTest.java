package io.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SipMessageTest {
  @Test
  void readsWhatTheUacNeedsFromA200WithSdp() {
    String ok = String.join("\r\n",
        "SIP/2.0 200 OK",
        "v: SIP/2.0/UDP 127.0.0.1:25070;branch=z9hG4bK1;rport=25070",
        "f: <sip:+14155000000@127.0.0.1>;tag=t1",
        "t: <sip:+15557000000@127.0.0.1:15060>;tag=abc123",
        "i: 1-x@bench",
        "CSeq: 1 INVITE",
        "m: <sip:127.0.0.1:15060;transport=udp>",
        "Content-Type: application/sdp",
        "",
        "v=0",
        "o=- 1 1 IN IP4 127.0.0.1",
        "s=-",
        "c=IN IP4 127.0.0.1",
        "t=0 0",
        "m=audio 20002 RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000",
        "");
    SipMessage m = SipMessage.parse(ok);
    assertTrue(m.isResponse());
    assertEquals(200, m.status());
    assertEquals("INVITE", m.cseqMethod());
    assertEquals("1-x@bench", m.header("call-id"));
    assertEquals("abc123", m.toTag());
    assertEquals("sip:127.0.0.1:15060;transport=udp", m.contactUri());
    assertEquals(new InetSocketAddress("127.0.0.1", 20002), m.sdpAudio());
  }

  @Test
  void readsARequestWithFoldedHeaderAndNoBody() {
    String bye = "BYE sip:bench@127.0.0.1:25070 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:15060;branch=z9hG4bKa\r\n"
        + "Via: SIP/2.0/UDP 10.0.0.1;branch=z9hG4bKb\r\nTo: <sip:+1415@127.0.0.1>\r\n ;tag=t7\r\nCall-ID: c\r\nCSeq: 5 BYE\r\n\r\n";
    SipMessage m = SipMessage.parse(bye);
    assertEquals("BYE", m.method());
    assertEquals(2, m.all("via").size());
    assertEquals("t7", m.toTag());
    assertNull(m.sdpAudio());
  }
}
