package io.switchboard.server.e2e;

import io.switchboard.media.testing.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays a recording the way a user would, with a decoder that shares no code with the writer:
 * FFmpeg, with its own Opus decoder ({@code -c:a opus}) for Ogg files. Decoding must be clean: for
 * Ogg any warning (a bad checksum, a torn page) fails.
 */
final class Decoder {
  private Decoder() {}

  static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/ffmpeg"));
  }

  static WavFile decode(Path file) throws IOException, InterruptedException {
    Path out = Files.createTempFile("decoded", ".wav");
    boolean ogg = file.toString().endsWith(".ogg");
    // WAV has no channel-layout field, which FFmpeg mentions as a warning: errors only there.
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", ogg ? "warning" : "error", "-y"));
    if (ogg) {
      command.addAll(List.of("-c:a", "opus"));
    }
    command.addAll(List.of("-i", file.toString(), "-c:a", "pcm_s16le", "-f", "wav", out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !log.isBlank()) {
      throw new IOException("ffmpeg could not decode " + file + " cleanly: " + log);
    }
    try {
      return WavFile.read(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
