package io.switchboard.egress.ogg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finishes an Ogg Opus file a crash cut short: keeps every whole page whose checksum holds, cuts
 * the torn page after them, and marks the last page end-of-stream (RFC 3533 §6) so players see a
 * complete stream. The granule of that page gives the playable length (RFC 7845 §4).
 */
public final class OggRepair {
  private OggRepair() {}

  /** What is left: bytes kept and the playable duration in 48 kHz samples (after pre-skip). */
  public record Result(long size, long samples, int channels) {
    public long durationNanos() {
      return samples * 1_000_000_000L / 48_000;
    }
  }

  public static Result finish(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long size = ch.size();
      long offset = 0;
      long lastStart = -1;
      int lastLength = 0;
      long granule = 0;
      int preSkip = 0;
      int channels = 0;
      ByteBuffer header = ByteBuffer.allocate(27 + 255).order(ByteOrder.LITTLE_ENDIAN);
      while (offset + 27 <= size) {
        header.clear().limit(27);
        readFully(ch, header, offset);
        if (header.getInt(0) != 0x5367674F) { // "OggS" little-endian
          break;
        }
        int segments = header.get(26) & 0xFF;
        header.limit(27 + segments);
        if (offset + 27 + segments > size) {
          break;
        }
        readFully(ch, header.position(27), offset + 27);
        int bodyLength = 0;
        for (int i = 0; i < segments; i++) {
          bodyLength += header.get(27 + i) & 0xFF;
        }
        int length = 27 + segments + bodyLength;
        if (offset + length > size) {
          break;
        }
        ByteBuffer page = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, page, offset);
        byte[] bytes = page.array();
        int stored = page.getInt(22);
        page.putInt(22, 0);
        if (OggCrc.of(bytes, 0, length) != stored) {
          break;
        }
        if (lastStart < 0 && bodyLength >= 19) {
          channels = bytes[27 + segments + 9] & 0xFF;
          preSkip = page.getShort(27 + segments + 10) & 0xFFFF;
        }
        granule = page.getLong(6);
        lastStart = offset;
        lastLength = length;
        offset += length;
      }
      if (lastStart < 0) {
        throw new IOException(file + " holds no whole Ogg page");
      }
      ch.truncate(offset);
      ByteBuffer last = ByteBuffer.allocate(lastLength).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, last, lastStart);
      int flags = last.get(5) & 0xFF;
      if ((flags & OggPageWriter.END_OF_STREAM) == 0) {
        last.put(5, (byte) (flags | OggPageWriter.END_OF_STREAM)).putInt(22, 0);
        last.putInt(22, OggCrc.of(last.array(), 0, lastLength));
        ch.write(last.clear(), lastStart);
      }
      ch.force(true);
      return new Result(offset, Math.max(0, granule - preSkip), channels);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
    long position = at;
    while (into.hasRemaining()) {
      int n = ch.read(into, position);
      if (n < 0) {
        throw new IOException("unexpected end of file at " + position);
      }
      position += n;
    }
  }
}
