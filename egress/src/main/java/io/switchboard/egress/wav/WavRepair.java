package io.switchboard.egress.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finishes a WAV file a crash cut short: its header sizes are set to the whole sample frames the
 * file holds, and a torn last frame is cut off.
 */
public final class WavRepair {
  private WavRepair() {}

  /** @param durationNanos playable length */
  public record Result(long size, long durationNanos, int channels) {}

  public static Result finish(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer h = ByteBuffer.allocate(WavWriter.HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (h.hasRemaining() && ch.read(h, h.position()) > 0) {}
      if (h.position() < WavWriter.HEADER || h.getInt(0) != 0x46464952 || h.getInt(36) != 0x61746164) {
        throw new IOException(file + " does not start with a complete RIFF/WAVE header");
      }
      int channels = h.getShort(22);
      int rate = h.getInt(24);
      int frameBytes = 2 * channels;
      long data = (ch.size() - WavWriter.HEADER) / frameBytes * frameBytes;
      ch.truncate(WavWriter.HEADER + data);
      WavWriter.sizes(ch, data);
      ch.force(true);
      long frames = data / frameBytes;
      return new Result(WavWriter.HEADER + data, frames * 1_000_000_000L / rate, channels);
    }
  }
}
