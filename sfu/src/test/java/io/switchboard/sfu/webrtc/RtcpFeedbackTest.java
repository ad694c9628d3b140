package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 4585 / RFC 5104 feedback messages and REMB, byte for byte. */
class RtcpFeedbackTest {
  @Test
  void pliIsTwelveBytesOfPsfbFormatOne() {
    byte[] b = new byte[12];
    assertEquals(12, RtcpFeedback.writePli(b, 0, 0x01020304, 0x0A0B0C0D));
    // V=2 FMT=1, PT=206, length 2 (RFC 4585 §6.1, §6.3.1), sender SSRC, media SSRC.
    assertArrayEquals(new byte[] {(byte) 0x81, (byte) 206, 0, 2, 1, 2, 3, 4, 10, 11, 12, 13}, b);
  }

  @Test
  void rembOfThreeMegabitsIsExponentFourMantissa187500() {
    byte[] b = new byte[24];
    RtcpFeedback.writeRemb(b, 0, 1, 0x0A0B0C0D, 3_000_000);
    // 3 000 000 = 187 500 * 2^4; 187 500 = 0x2DC6C: exponent 4 and the mantissa's top 2 bits in one byte.
    assertEquals(0x12, b[17] & 0xFF);
    assertEquals(0xDC, b[18] & 0xFF);
    assertEquals(0x6C, b[19] & 0xFF);
    assertEquals((byte) 0x8F, b[0]);
    assertEquals(5, RtpFields.u16(b, 2), "length in 32-bit words minus one");
    assertEquals(3_000_000, RtcpFeedback.rembBitrate(b, 0));
  }

  @Test
  void walksACompoundOfReceiverReportNackPliAndFir() {
    byte[] b = new byte[8 + 16 + 12 + 20];
    // An empty receiver report (RFC 3550 §6.4.2), skipped.
    b[0] = (byte) 0x80;
    b[1] = (byte) 201;
    RtpFields.putU16(b, 2, 1);
    RtcpFeedback.writeNack(b, 8, 1, 0x77, 500, 0b11);
    RtcpFeedback.writePli(b, 24, 1, 0x78);
    // FIR (RFC 5104 §4.3.1): media SSRC 0, one FCI entry naming 0x79 with sequence number 5.
    b[36] = (byte) 0x84;
    b[37] = (byte) 206;
    RtpFields.putU16(b, 38, 4);
    RtpFields.putI32(b, 48, 0x79);
    b[52] = 5;
    List<String> seen = new ArrayList<>();
    RtcpFeedback.walk(b, 0, b.length, new RtcpFeedback.Handler() {
      @Override
      public void onNack(int mediaSsrc, int seq, int bitmask) {
        seen.add("nack " + mediaSsrc + " " + seq + " " + bitmask);
      }

      @Override
      public void onKeyframeRequest(int mediaSsrc) {
        seen.add("keyframe " + mediaSsrc);
      }
    });
    assertEquals(List.of("nack 119 500 3", "keyframe 120", "keyframe 121"), seen);
  }
}
