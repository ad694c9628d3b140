package io.switchboard.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpTest {
  private static final String SENDER_REPORT =
      """
      81 c8 00 0c             # V=2 P=0 RC=1, PT=200 (SR), length 12 words = 52 bytes
      12 34 56 78             # sender SSRC
      e7 a5 6b 80 80 00 00 00 # NTP 2023-02-26T05:24:16.5Z: seconds, fraction 0.5
      00 01 5f 90             # RTP timestamp 90000
      00 00 00 64             # sender's packet count 100
      00 00 3e 80             # sender's octet count 16000
      9a bc de f0             # report block: source SSRC
      19                      #   fraction lost 25/256
      ff ff fe                #   cumulative lost -2 (duplicates)
      00 01 03 e8             #   extended highest seq: 1 cycle, seq 1000
      00 00 00 2a             #   interarrival jitter 42
      6b 80 80 00             #   LSR: middle 32 bits of an NTP time
      00 01 80 00             #   DLSR 98304/65536 = 1.5 s
      """;

  private static final RtcpReportBlock BLOCK =
      new RtcpReportBlock(0x9ABCDEF0, 25, -2, 0x0001_03E8L, 42, 0x6B80_8000L, 0x0001_8000L);

  private static final RtcpSenderReport SR =
      new RtcpSenderReport(
          0x12345678, 0xE7A5_6B80_8000_0000L, 90_000, 100, 16_000, List.of(BLOCK));

  private static final String RR_SDES_BYE =
      """
      80 c9 00 01             # V=2 RC=0, PT=201 (RR), 8 bytes
      12 34 56 78             # reporter SSRC
      81 ca 00 03             # V=2 SC=1, PT=202 (SDES), 16 bytes
      12 34 56 78             # chunk SSRC
      01 05 61 6c 69 63 65 00 # CNAME, 5 bytes "alice", null item ends the chunk
      81 cb 00 03             # V=2 SC=1, PT=203 (BYE), 16 bytes
      12 34 56 78             # leaving SSRC
      06 68 61 6e 67 75 70 00 # reason length 6 "hangup", pad to 32 bits
      """;

  @Test
  void parsesAnnotatedSenderReport() {
    byte[] bytes = Hex.bytes(SENDER_REPORT);
    var parsed = assertInstanceOf(RtcpParseResult.Parsed.class, RtcpParser.parse(bytes, 0, bytes.length));
    assertEquals(List.of(SR), parsed.packets());
  }

  @Test
  void writesSenderReportByteForByte() {
    byte[] buffer = new byte[60];
    assertEquals(52, RtcpWriter.write(SR, buffer, 3));
    assertArrayEquals(Hex.bytes(SENDER_REPORT), Arrays.copyOfRange(buffer, 3, 55));
  }

  @Test
  void compoundReceiverReportSdesAndByeRoundTrip() {
    List<RtcpPacket> packets =
        List.of(
            new RtcpReceiverReport(0x12345678, List.of()),
            RtcpSourceDescription.of(0x12345678, "alice"),
            new RtcpBye(List.of(0x12345678), "hangup"));
    byte[] buffer = new byte[64];
    int length = RtcpWriter.writeCompound(packets, buffer, 0);
    byte[] expected = Hex.bytes(RR_SDES_BYE);
    assertArrayEquals(expected, Arrays.copyOf(buffer, length));

    var parsed = assertInstanceOf(RtcpParseResult.Parsed.class, RtcpParser.parse(expected, 0, expected.length));
    assertEquals(packets, parsed.packets());
  }

  @Test
  void byeWithoutReasonAndSdesWithOtherItems() {
    byte[] bytes =
        Hex.bytes(
            """
            81 cb 00 01             # BYE, SC=1, no reason
            00 00 00 07
            81 ca 00 04             # SDES, SC=1, 20 bytes
            00 00 00 07             # chunk SSRC
            02 02 42 6f             # NAME item "Bo" (skipped)
            01 01 78 00 00 00 00 00 # CNAME "x", null item, padding
            """);
    var parsed = assertInstanceOf(RtcpParseResult.Parsed.class, RtcpParser.parse(bytes, 0, bytes.length));
    assertEquals(
        List.of(new RtcpBye(List.of(7), ""), RtcpSourceDescription.of(7, "x")), parsed.packets());
  }

  @Test
  void paddingOnTheLastPacketAndUnknownTypesAreAccepted() {
    byte[] bytes =
        Hex.bytes(
            """
            80 cc 00 02 12 34 56 78 6e 61 6d 65 # APP (PT 204), 12 bytes
            a0 c9 00 02 12 34 56 78 00 00 00 04 # RR, P=1, 4 octets of padding
            """);
    var parsed = assertInstanceOf(RtcpParseResult.Parsed.class, RtcpParser.parse(bytes, 0, bytes.length));
    assertEquals(
        List.of(new RtcpUnknown(204, 0, 12), new RtcpReceiverReport(0x12345678, List.of())),
        parsed.packets());
  }

  @Test
  void rejectsMalformedCompoundsWithAReason() {
    assertMalformed("80 c9 00", "shorter than one");
    assertMalformed("40 c9 00 01 12 34 56 78", "version 1");
    assertMalformed("80 c9 00 02 12 34 56 78", "runs past");
    assertMalformed("80 c9 00 01 12 34 56 78 00 00", "trailing 2 bytes");
    assertMalformed("a0 c9 00 01 12 34 56 04 80 c9 00 01 12 34 56 78", "not the last");
    assertMalformed("81 c9 00 01 12 34 56 78", "RR shorter than its count");
    assertMalformed("a0 c9 00 01 12 34 56 09", "padding count 9");
  }

  @Test
  void ntpConversionAndLsrDlsrUnits() {
    long ntp = NtpTime.fromEpochMillis(1_677_389_056_500L);
    assertEquals(0xE7A5_6B80_8000_0000L, ntp);
    assertEquals(1_677_389_056_500L, NtpTime.toEpochMillis(ntp));
    assertEquals(0x6B80_8000L, NtpTime.middle32(ntp));
    assertEquals(98_304, NtpTime.delayUnits(1500));
  }

  @Test
  void recordsRejectValuesTheWireCannotCarry() {
    var fraction =
        assertThrows(IllegalArgumentException.class, () -> new RtcpReportBlock(1, 256, 0, 0, 0, 0, 0));
    assertTrue(fraction.getMessage().contains("fraction lost"));
    assertThrows(IllegalArgumentException.class, () -> new RtcpReportBlock(1, 0, 1 << 23, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new RtcpReportBlock(1, 0, 0, -1, 0, 0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RtcpReceiverReport(1, java.util.Collections.nCopies(32, BLOCK)));
    assertThrows(
        IllegalArgumentException.class,
        () -> RtcpWriter.write(new RtcpUnknown(204, 0, 12), new byte[16], 0));
  }

  private static void assertMalformed(String hex, String reasonFragment) {
    byte[] bytes = Hex.bytes(hex);
    var malformed =
        assertInstanceOf(RtcpParseResult.Malformed.class, RtcpParser.parse(bytes, 0, bytes.length), hex);
    assertTrue(
        malformed.reason().contains(reasonFragment),
        () -> "'" + malformed.reason() + "' should mention '" + reasonFragment + "'");
  }
}
