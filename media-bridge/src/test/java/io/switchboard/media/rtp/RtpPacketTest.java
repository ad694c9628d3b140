package io.switchboard.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
  private final RtpPacket packet = new RtpPacket();

  @Test
  void parsesMinimalPcmuPacket() {
    byte[] bytes =
        Hex.bytes(
            """
            80          # V=2 P=0 X=0 CC=0
            00          # M=0 PT=0 (PCMU)
            12 34       # sequence number 4660
            00 00 03 20 # timestamp 800
            de ad be ef # SSRC
            ff ff 7f 7f # payload: four µ-law silence codes
            """);
    assertEquals(RtpParseStatus.OK, packet.parse(bytes, 0, bytes.length));
    assertFalse(packet.marker());
    assertEquals(0, packet.payloadType());
    assertEquals(4660, packet.sequenceNumber());
    assertEquals(800, packet.timestamp());
    assertEquals(0xDEADBEEF, packet.ssrc());
    assertEquals(12, packet.payloadOffset());
    assertEquals(4, packet.payloadLength());
    assertEquals(0, packet.csrcCount());
  }

  @Test
  void skipsCsrcsExtensionAndPaddingInsideALargerBuffer() {
    byte[] packetBytes =
        Hex.bytes(
            """
            b2          # V=2 P=1 X=1 CC=2
            e5          # M=1 PT=101 (telephone-event)
            ff ff       # sequence number 65535
            ff ff ff f0 # timestamp 4294967280
            00 00 00 01 # SSRC 1
            11 11 11 11 # CSRC 1
            22 22 22 22 # CSRC 2
            be de 00 01 # extension: profile 0xBEDE, 1 word follows
            10 aa 00 00 # one-byte extension element id 1, value 0xaa, then padding
            01 80 00 a0 # payload: event 1, E=1, volume 0, duration 160
            00 00 03    # RTP padding: 3 octets, last one counts them
            """);
    byte[] buffer = new byte[100];
    Arrays.fill(buffer, (byte) 0x55);
    System.arraycopy(packetBytes, 0, buffer, 7, packetBytes.length);

    assertEquals(RtpParseStatus.OK, packet.parse(buffer, 7, packetBytes.length));
    assertTrue(packet.marker());
    assertTrue(packet.padding());
    assertTrue(packet.extension());
    assertEquals(101, packet.payloadType());
    assertEquals(65535, packet.sequenceNumber());
    assertEquals(0xFFFFFFF0, packet.timestamp());
    assertEquals(1, packet.ssrc());
    assertEquals(2, packet.csrcCount());
    assertEquals(0x11111111, packet.csrc(0));
    assertEquals(0x22222222, packet.csrc(1));
    assertEquals(0xBEDE, packet.extensionProfile());
    assertEquals(4, packet.extensionLength());
    assertEquals(7 + 24, packet.extensionOffset());
    assertEquals(7 + 28, packet.payloadOffset());
    assertEquals(4, packet.payloadLength());
    assertEquals(3, packet.paddingLength());
    assertEquals(0x01, buffer[packet.payloadOffset()]);
    assertThrows(IndexOutOfBoundsException.class, () -> packet.csrc(2));
  }

  @Test
  void rejectsMalformedPacketsWithAStatus() {
    String header = "80 00 00 01 00 00 00 00 00 00 00 01";
    assertStatus(RtpParseStatus.TOO_SHORT, "80 00 00 01 00 00 00 00 00 00 00");
    assertStatus(RtpParseStatus.TOO_SHORT, "");
    assertStatus(RtpParseStatus.BAD_VERSION, "40 00 00 01 00 00 00 00 00 00 00 01 ff"); // V=1
    assertStatus(RtpParseStatus.BAD_VERSION, "00 00 00 01 00 00 00 00 00 00 00 01 ff"); // V=0
    // CC=15 announces 60 bytes of CSRCs in a 16-byte packet.
    assertStatus(RtpParseStatus.TRUNCATED_CSRC, "8f 00 00 01 00 00 00 00 00 00 00 01 ff ff ff ff");
    // X=1 but no room for the 4-byte extension header.
    assertStatus(RtpParseStatus.TRUNCATED_EXTENSION, "90 00 00 01 00 00 00 00 00 00 00 01 be de");
    // Extension header says 2 words follow; only 1 is there.
    assertStatus(
        RtpParseStatus.TRUNCATED_EXTENSION,
        "90 00 00 01 00 00 00 00 00 00 00 01 be de 00 02 00 00 00 00");
    // P=1 with a zero padding count.
    assertStatus(RtpParseStatus.BAD_PADDING, "a0" + header.substring(2) + " ff ff 00");
    // P=1 with a padding count larger than what follows the header.
    assertStatus(RtpParseStatus.BAD_PADDING, "a0" + header.substring(2) + " ff ff 04");
  }

  @Test
  void paddingMayConsumeTheWholePayload() {
    byte[] bytes = Hex.bytes("a0 00 00 01 00 00 00 00 00 00 00 01 00 00 00 04");
    assertEquals(RtpParseStatus.OK, packet.parse(bytes, 0, bytes.length));
    assertEquals(0, packet.payloadLength());
  }

  @Test
  void writerProducesTheAnnotatedHeaderAndParsesBack() {
    byte[] buffer = new byte[20];
    int written = RtpHeaderWriter.write(buffer, 4, true, 8, 0x1_0005, 0x87654321, 0x0BADCAFE);
    assertEquals(12, written);
    byte[] expected =
        Hex.bytes(
            """
            80          # V=2, no padding, no extension, CC=0
            88          # M=1 PT=8 (PCMA)
            00 05       # sequence number: only the low 16 bits of 0x10005
            87 65 43 21 # timestamp
            0b ad ca fe # SSRC
            """);
    assertArrayEquals(expected, Arrays.copyOfRange(buffer, 4, 16));

    assertEquals(RtpParseStatus.OK, packet.parse(buffer, 4, 16));
    assertEquals(5, packet.sequenceNumber());
    assertEquals(0x87654321, packet.timestamp());
    assertEquals(4, packet.payloadLength());
  }

  @Test
  void writerRejectsOutOfRangePayloadType() {
    var error =
        assertThrows(
            IllegalArgumentException.class,
            () -> RtpHeaderWriter.write(new byte[12], 0, false, 128, 0, 0, 0));
    assertTrue(error.getMessage().contains("128"));
  }

  private void assertStatus(RtpParseStatus expected, String hex) {
    byte[] bytes = Hex.bytes(hex);
    assertEquals(expected, packet.parse(bytes, 0, bytes.length), hex);
  }
}
