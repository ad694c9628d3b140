package io.switchboard.egress.ogg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.egress.Ffmpeg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OggCrcTest {
  @Test
  void matchesTheCatalogueCheckValue() {
    // CRC-32 poly 0x04C11DB7, init 0, unreflected, no xorout: the complement of CRC-32/POSIX's
    // check value 0x765E7680 over "123456789".
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertEquals(0x89A1897F, OggCrc.of(check, 0, check.length));
  }

  @Test
  void agreesWithEveryPageFfmpegWrites(@TempDir Path dir) throws Exception {
    assumeTrue(Ffmpeg.installed(), "ffmpeg is not installed");
    Path file = dir.resolve("ref.ogg");
    Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
        "-c:a", "libopus", file.toString()).redirectErrorStream(true).start();
    assertEquals(0, p.waitFor());
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int pages = 0;
    for (int at = 0; at < b.limit(); pages++) {
      int segments = b.get(at + 26) & 0xFF;
      int length = 27 + segments;
      for (int i = 0; i < segments; i++) {
        length += b.get(at + 27 + i) & 0xFF;
      }
      byte[] page = new byte[length];
      b.get(at, page);
      int stored = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN).getInt(22);
      page[22] = page[23] = page[24] = page[25] = 0;
      assertEquals(stored, OggCrc.of(page, 0, length), "page " + pages);
      at += length;
    }
    assertEquals(true, pages >= 3, "OpusHead, OpusTags and audio pages");
  }
}
