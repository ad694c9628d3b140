package io.switchboard.media.rtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses compound RTCP packets (RFC 3550 §6.1) with the validity checks of §A.2: version 2,
 * lengths that add up to the datagram, padding only in the last packet. RTCP arrives a few times
 * per call per five seconds, so this path allocates freely.
 */
public final class RtcpParser {
  private static final int HEADER_BYTES = 4;

  private RtcpParser() {}

  public static RtcpParseResult parse(byte[] buf, int off, int len) {
    if (len < HEADER_BYTES) {
      return new RtcpParseResult.Malformed("compound shorter than one 4-byte RTCP header");
    }
    List<RtcpPacket> packets = new ArrayList<>();
    int cursor = off;
    int end = off + len;
    while (cursor < end) {
      if (end - cursor < HEADER_BYTES) {
        return malformed(packets, "trailing " + (end - cursor) + " bytes after the last packet");
      }
      int b0 = Bytes.readU8(buf, cursor);
      if ((b0 >>> 6) != 2) {
        return malformed(packets, "version " + (b0 >>> 6) + ", expected 2");
      }
      int count = b0 & 0x1F;
      int packetType = Bytes.readU8(buf, cursor + 1);
      int packetBytes = 4 * (Bytes.readU16(buf, cursor + 2) + 1);
      if (packetBytes > end - cursor) {
        return malformed(packets, "length " + packetBytes + " runs past the datagram");
      }
      int bodyEnd = cursor + packetBytes;
      if ((b0 & 0x20) != 0) {
        if (bodyEnd != end) {
          return malformed(packets, "padding bit set on a packet that is not the last");
        }
        int pad = Bytes.readU8(buf, bodyEnd - 1);
        if (pad == 0 || pad > packetBytes - HEADER_BYTES) {
          return malformed(packets, "padding count " + pad + " is invalid");
        }
        bodyEnd -= pad;
      }
      RtcpPacket packet = parseOne(buf, cursor, bodyEnd, packetType, count, packetBytes);
      if (packet == null) {
        return malformed(packets, typeName(packetType) + " shorter than its count requires");
      }
      packets.add(packet);
      cursor += packetBytes;
    }
    return new RtcpParseResult.Parsed(packets);
  }

  private static RtcpParseResult malformed(List<RtcpPacket> parsedSoFar, String reason) {
    return new RtcpParseResult.Malformed(
        "RTCP packet " + (parsedSoFar.size() + 1) + " of compound: " + reason);
  }

  private static String typeName(int packetType) {
    return switch (packetType) {
      case RtcpPacket.SENDER_REPORT -> "SR";
      case RtcpPacket.RECEIVER_REPORT -> "RR";
      case RtcpPacket.SOURCE_DESCRIPTION -> "SDES";
      case RtcpPacket.BYE -> "BYE";
      default -> "packet type " + packetType;
    };
  }

  /** Returns null when the body is too short for what the header announces. */
  private static RtcpPacket parseOne(
      byte[] b, int start, int end, int packetType, int count, int packetBytes) {
    int body = start + HEADER_BYTES;
    return switch (packetType) {
      case RtcpPacket.SENDER_REPORT -> {
        if (end - body < 24 + count * RtcpReportBlock.BYTES) {
          yield null;
        }
        yield new RtcpSenderReport(
            Bytes.readI32(b, body),
            Bytes.readI64(b, body + 4),
            Bytes.readU32(b, body + 12),
            Bytes.readU32(b, body + 16),
            Bytes.readU32(b, body + 20),
            reportBlocks(b, body + 24, count));
      }
      case RtcpPacket.RECEIVER_REPORT -> {
        if (end - body < 4 + count * RtcpReportBlock.BYTES) {
          yield null;
        }
        yield new RtcpReceiverReport(Bytes.readI32(b, body), reportBlocks(b, body + 4, count));
      }
      case RtcpPacket.SOURCE_DESCRIPTION -> sourceDescription(b, body, end, count);
      case RtcpPacket.BYE -> bye(b, body, end, count);
      default -> new RtcpUnknown(packetType, count, packetBytes);
    };
  }

  private static List<RtcpReportBlock> reportBlocks(byte[] b, int at, int count) {
    List<RtcpReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int p = at + i * RtcpReportBlock.BYTES;
      int cumulative = Bytes.readU24(b, p + 5);
      cumulative = (cumulative << 8) >> 8; // sign-extend 24 bits
      blocks.add(
          new RtcpReportBlock(
              Bytes.readI32(b, p),
              Bytes.readU8(b, p + 4),
              cumulative,
              Bytes.readU32(b, p + 8),
              Bytes.readU32(b, p + 12),
              Bytes.readU32(b, p + 16),
              Bytes.readU32(b, p + 20)));
    }
    return blocks;
  }

  private static RtcpSourceDescription sourceDescription(byte[] b, int at, int end, int count) {
    List<RtcpSourceDescription.Chunk> chunks = new ArrayList<>(count);
    int p = at;
    for (int i = 0; i < count; i++) {
      if (end - p < 4) {
        return null;
      }
      int ssrc = Bytes.readI32(b, p);
      p += 4;
      String cname = "";
      // Items until a null item; then skip to the next 32-bit boundary (§6.5).
      while (true) {
        if (p >= end) {
          return null;
        }
        int type = Bytes.readU8(b, p);
        if (type == 0) {
          p = start32(at, p + 1);
          break;
        }
        if (end - p < 2 || end - p < 2 + Bytes.readU8(b, p + 1)) {
          return null;
        }
        int itemLength = Bytes.readU8(b, p + 1);
        if (type == 1) {
          cname = new String(b, p + 2, itemLength, StandardCharsets.UTF_8);
        }
        p += 2 + itemLength;
      }
      chunks.add(new RtcpSourceDescription.Chunk(ssrc, cname));
    }
    return new RtcpSourceDescription(chunks);
  }

  /** Rounds {@code p} up to a multiple of 4 bytes counted from {@code base}. */
  private static int start32(int base, int p) {
    return base + ((p - base + 3) & ~3);
  }

  private static RtcpBye bye(byte[] b, int at, int end, int count) {
    if (end - at < 4 * count) {
      return null;
    }
    List<Integer> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ssrcs.add(Bytes.readI32(b, at + 4 * i));
    }
    int p = at + 4 * count;
    String reason = "";
    if (p < end) {
      int reasonLength = Bytes.readU8(b, p);
      if (end - p - 1 < reasonLength) {
        return null;
      }
      reason = new String(b, p + 1, reasonLength, StandardCharsets.UTF_8);
    }
    return new RtcpBye(ssrcs, reason);
  }
}
