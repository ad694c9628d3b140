package io.switchboard.egress;

import io.switchboard.media.testing.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An independent decoder for proof that a recording plays: FFmpeg with its own Opus decoder
 * ({@code -c:a opus}, not libopus, which wrote the file), as a player would open it.
 */
public final class Ffmpeg {
  private Ffmpeg() {}

  public static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/ffmpeg"));
  }

  /** Decodes {@code file} to 16-bit PCM WAV at its own rate and channel count. */
  public static WavFile decode(Path file) throws IOException, InterruptedException {
    Path out = Files.createTempFile("decoded", ".wav");
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
    if (file.toString().endsWith(".ogg")) {
      command.addAll(List.of("-c:a", "opus"));
    }
    command.addAll(List.of("-i", file.toString(), "-c:a", "pcm_s16le", "-f", "wav", out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || !log.isBlank()) {
      throw new IOException("ffmpeg could not decode " + file + " cleanly: " + log);
    }
    try {
      return WavFile.read(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
