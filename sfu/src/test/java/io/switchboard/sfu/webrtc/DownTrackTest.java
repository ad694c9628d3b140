package io.switchboard.sfu.webrtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 3550 §5.1 header rewriting of forwarded packets. */
class DownTrackTest {
  private final List<byte[]> sent = new ArrayList<>();
  private final List<byte[]> rtcp = new ArrayList<>();
  private final java.time.Clock clock =
      java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
  private final DownTrack down =
      new DownTrack(0x0BADCAFE, 111, (buf, off, len) -> sent.add(Arrays.copyOfRange(buf, off, off + len)),
          (buf, off, len) -> rtcp.add(Arrays.copyOfRange(buf, off, off + len)), "PA_src", clock);

  private static byte[] packet(int pt, int seq, int ts, int ssrc, byte... payload) {
    byte[] p = new byte[12 + payload.length];
    p[0] = (byte) 0x80;
    p[1] = (byte) (0x80 | pt); // marker set
    RtpFields.putU16(p, 2, seq);
    RtpFields.putI32(p, 4, ts);
    RtpFields.putI32(p, 8, ssrc);
    System.arraycopy(payload, 0, p, 12, payload.length);
    return p;
  }

  @Test
  void rewritesSsrcAndPayloadTypeKeepsMarkerPayloadAndTheSourceBuffer() {
    byte[] in = packet(109, 100, 48_000, 0x11111111, (byte) 0xFC, (byte) 1, (byte) 2);
    byte[] kept = in.clone();
    down.forward(in, 0, in.length);
    byte[] out = sent.getFirst();
    assertArrayEquals(kept, in, "the source packet is shared with other subscribers");
    assertEquals(0x0BADCAFE, RtpFields.i32(out, 8));
    assertEquals(0x80 | 111, out[1] & 0xFF);
    assertEquals(100, RtpFields.u16(out, 2));
    assertEquals(48_000, RtpFields.i32(out, 4));
    assertArrayEquals(new byte[] {(byte) 0xFC, 1, 2}, Arrays.copyOfRange(out, 12, 15));
    assertEquals(1, down.sent());
  }

  @Test
  void aNewSourceSsrcContinuesTheSequenceAndTimestamps() {
    down.forward(packet(111, 65535, 1000, 1), 0, 12);
    down.forward(packet(111, 7, 555_555, 2), 0, 12); // the publisher restarted
    down.forward(packet(111, 8, 555_555 + 960, 2), 0, 12);
    assertEquals(List.of(65535, 0, 1), sent.stream().map(p -> RtpFields.u16(p, 2)).toList(), "wraps at 2^16");
    assertEquals(List.of(1000, 1960, 2920), sent.stream().map(p -> RtpFields.i32(p, 4)).toList());
  }

  @Test
  void senderReportCountsWhatWasSentWithTheCname() {
    assertEquals(false, down.sendReport(), "nothing sent, nothing to report");
    down.forward(packet(111, 1, 1000, 7, (byte) 1, (byte) 2, (byte) 3), 0, 15);
    down.forward(packet(111, 2, 1960, 7, (byte) 4, (byte) 5), 0, 14);
    assertEquals(true, down.sendReport());
    var parsed = (io.switchboard.media.rtp.RtcpParseResult.Parsed)
        io.switchboard.media.rtp.RtcpParser.parse(rtcp.getFirst(), 0, rtcp.getFirst().length);
    var sr = (io.switchboard.media.rtp.RtcpSenderReport) parsed.packets().get(0);
    assertEquals(0x0BADCAFE, sr.ssrc());
    assertEquals(2, sr.packetCount());
    assertEquals(5, sr.octetCount(), "payload octets only (RFC 3550 §6.4.1)");
    assertEquals(1960, sr.rtpTimestamp(), "the clock has not moved since the last packet");
    assertEquals(clock.millis(), io.switchboard.media.rtp.NtpTime.toEpochMillis(sr.ntpTimestamp()));
    var sdes = (io.switchboard.media.rtp.RtcpSourceDescription) parsed.packets().get(1);
    assertEquals("PA_src", sdes.chunks().getFirst().cname());
  }
}
