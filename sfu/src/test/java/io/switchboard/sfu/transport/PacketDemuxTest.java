package io.switchboard.sfu.transport;

import static io.switchboard.sfu.transport.PacketDemux.Kind.DTLS;
import static io.switchboard.sfu.transport.PacketDemux.Kind.RTCP;
import static io.switchboard.sfu.transport.PacketDemux.Kind.RTP;
import static io.switchboard.sfu.transport.PacketDemux.Kind.STUN;
import static io.switchboard.sfu.transport.PacketDemux.Kind.TURN_CHANNEL;
import static io.switchboard.sfu.transport.PacketDemux.Kind.UNKNOWN;
import static io.switchboard.sfu.transport.PacketDemux.Kind.ZRTP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 7983 §7 ranges and RFC 5761 §4 RTCP types, with real first bytes. */
class PacketDemuxTest {
  private static PacketDemux.Kind kind(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    // at an offset, as packets sit in larger buffers
    byte[] padded = new byte[b.length + 3];
    System.arraycopy(b, 0, padded, 3, b.length);
    return PacketDemux.classify(padded, 3, b.length);
  }

  @Test
  void classifiesByFirstByte() {
    // RFC 5769 §2.1 binding request header: type 0x0001, length, magic cookie 0x2112a442.
    assertEquals(STUN, kind("000100582112a442b7e7a701bc34d686fa87dfae"));
    assertEquals(ZRTP, kind("10000000"));
    // DTLS 1.2 handshake record (ClientHello): content type 22, version fefd.
    assertEquals(DTLS, kind("16fefd000000000000000000"));
    assertEquals(DTLS, kind("3f"));
    assertEquals(TURN_CHANNEL, kind("40000004deadbeef"));
    assertEquals(UNKNOWN, kind("7f00"));
    assertEquals(UNKNOWN, kind("c0000000000000000000000000"));
    assertEquals(UNKNOWN, kind(""));
  }

  @Test
  void tellsRtcpFromRtpByPacketType() {
    // Opus RTP, PT 111, marker clear.
    assertEquals(RTP, kind("806f1234000000a0cafebabe01020304"));
    // RTP PT 96 with marker set: byte 1 = 0xe0, above the RTCP range.
    assertEquals(RTP, kind("80e01234000000a0cafebabe"));
    // PT 63 with marker: 0xbf, just below the RTCP range.
    assertEquals(RTP, kind("80bf1234000000a0cafebabe"));
    assertEquals(RTCP, kind("80c80006cafebabe")); // SR (200)
    assertEquals(RTCP, kind("81c90007cafebabe")); // RR (201)
    assertEquals(RTCP, kind("81ce0002cafebabe")); // PSFB (206), e.g. PLI
    assertEquals(RTCP, kind("80df0001cafebabe")); // 223, the top of the range
  }

  @Test
  void tooShortMediaIsUnknown() {
    assertEquals(UNKNOWN, kind("806f1234000000a0cafeba")); // 11 bytes of RTP
    assertEquals(UNKNOWN, kind("80c80006cafeba")); // 7 bytes of RTCP
    assertEquals(UNKNOWN, kind("80"));
  }
}
