package io.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Serialises RTCP packets (RFC 3550 §6.4-§6.6) into caller-provided buffers. */
public final class RtcpWriter {
  private RtcpWriter() {}

  /** Writes every packet back to back as one compound packet; returns the bytes written. */
  public static int writeCompound(List<? extends RtcpPacket> packets, byte[] buf, int off) {
    int cursor = off;
    for (RtcpPacket packet : packets) {
      cursor += write(packet, buf, cursor);
    }
    return cursor - off;
  }

  /** Bytes {@link #write} will need for {@code packet}. */
  public static int size(RtcpPacket packet) {
    return switch (packet) {
      case RtcpSenderReport sr -> 28 + RtcpReportBlock.BYTES * sr.reports().size();
      case RtcpReceiverReport rr -> 8 + RtcpReportBlock.BYTES * rr.reports().size();
      case RtcpSourceDescription sdes -> {
        int total = 4;
        for (RtcpSourceDescription.Chunk chunk : sdes.chunks()) {
          // SSRC, CNAME item (type, length, text), at least one null octet, 32-bit aligned.
          total += pad4(4 + 2 + utf8(chunk.cname()).length + 1);
        }
        yield total;
      }
      case RtcpBye bye ->
          4 + 4 * bye.ssrcs().size() + (bye.reason().isEmpty() ? 0 : pad4(1 + utf8(bye.reason()).length));
      case RtcpUnknown unknown ->
          throw new IllegalArgumentException(
              "cannot write RTCP packet type " + unknown.packetType() + ": not interpreted");
    };
  }

  /** Writes one packet at {@code buf[off]}; returns the bytes written. */
  public static int write(RtcpPacket packet, byte[] buf, int off) {
    int size = size(packet);
    if (off + size > buf.length) {
      throw new IllegalArgumentException(
          "RTCP packet needs " + size + " bytes, buffer has " + (buf.length - off));
    }
    switch (packet) {
      case RtcpSenderReport sr -> {
        header(buf, off, sr.reports().size(), RtcpPacket.SENDER_REPORT, size);
        Bytes.writeI32(buf, off + 4, sr.ssrc());
        Bytes.writeI64(buf, off + 8, sr.ntpTimestamp());
        Bytes.writeI32(buf, off + 16, (int) sr.rtpTimestamp());
        Bytes.writeI32(buf, off + 20, (int) sr.packetCount());
        Bytes.writeI32(buf, off + 24, (int) sr.octetCount());
        blocks(sr.reports(), buf, off + 28);
      }
      case RtcpReceiverReport rr -> {
        header(buf, off, rr.reports().size(), RtcpPacket.RECEIVER_REPORT, size);
        Bytes.writeI32(buf, off + 4, rr.ssrc());
        blocks(rr.reports(), buf, off + 8);
      }
      case RtcpSourceDescription sdes -> {
        header(buf, off, sdes.chunks().size(), RtcpPacket.SOURCE_DESCRIPTION, size);
        int p = off + 4;
        for (RtcpSourceDescription.Chunk chunk : sdes.chunks()) {
          byte[] cname = utf8(chunk.cname());
          int chunkEnd = p + pad4(4 + 2 + cname.length + 1);
          Bytes.writeI32(buf, p, chunk.ssrc());
          buf[p + 4] = 1; // CNAME
          buf[p + 5] = (byte) cname.length;
          System.arraycopy(cname, 0, buf, p + 6, cname.length);
          java.util.Arrays.fill(buf, p + 6 + cname.length, chunkEnd, (byte) 0);
          p = chunkEnd;
        }
      }
      case RtcpBye bye -> {
        header(buf, off, bye.ssrcs().size(), RtcpPacket.BYE, size);
        int p = off + 4;
        for (int ssrc : bye.ssrcs()) {
          Bytes.writeI32(buf, p, ssrc);
          p += 4;
        }
        if (!bye.reason().isEmpty()) {
          byte[] reason = utf8(bye.reason());
          buf[p] = (byte) reason.length;
          System.arraycopy(reason, 0, buf, p + 1, reason.length);
          java.util.Arrays.fill(buf, p + 1 + reason.length, off + size, (byte) 0);
        }
      }
      case RtcpUnknown unknown -> throw new AssertionError("rejected by size()");
    }
    return size;
  }

  private static void header(byte[] buf, int off, int count, int packetType, int size) {
    buf[off] = (byte) (0x80 | count);
    buf[off + 1] = (byte) packetType;
    Bytes.writeU16(buf, off + 2, size / 4 - 1);
  }

  private static void blocks(List<RtcpReportBlock> blocks, byte[] buf, int off) {
    int p = off;
    for (RtcpReportBlock block : blocks) {
      Bytes.writeI32(buf, p, block.ssrc());
      buf[p + 4] = (byte) block.fractionLost();
      Bytes.writeU24(buf, p + 5, block.cumulativeLost() & 0xFF_FFFF);
      Bytes.writeI32(buf, p + 8, (int) block.extendedHighestSequence());
      Bytes.writeI32(buf, p + 12, (int) block.jitter());
      Bytes.writeI32(buf, p + 16, (int) block.lastSenderReport());
      Bytes.writeI32(buf, p + 20, (int) block.delaySinceLastSenderReport());
      p += RtcpReportBlock.BYTES;
    }
  }

  private static int pad4(int n) {
    return (n + 3) & ~3;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
