package io.switchboard.media.codec.opus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Without a system libopus the runtime falls back to opus-java's bundled build. The library
 * is process-wide, so this runs in a child JVM that has never loaded one.
 */
class OpusBundledFallbackTest {

  @Test
  void fallsBackToTheBundledLibraryAndStillCodes() throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(
            java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            Child.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    child.waitFor(60, TimeUnit.SECONDS);
    assertEquals(0, child.exitValue(), output);
    // opus-java 1.1.1 bundles libopus 1.1.2.
    assertEquals("bundled=true version=libopus 1.1.2 dominant=1000.0", output.lines().reduce((a, b) -> b).orElse(""));
  }

  /** Loads Opus with only a missing system path to try, then round-trips a 1 kHz tone. */
  public static final class Child {
    public static void main(String[] args) {
      OpusRuntime runtime = OpusRuntime.load(List.of(Path.of("/nonexistent/libopus.so.0")));
      try (OpusEncoder encoder = runtime.newEncoder(); OpusDecoder decoder = runtime.newDecoder()) {
        ToneGenerator tone = new ToneGenerator(1000, 10000, 48000);
        PcmFrame in = new PcmFrame(48000);
        PcmFrame out = new PcmFrame(48000);
        byte[] payload = new byte[OpusEncoder.MAX_PAYLOAD];
        for (int f = 0; f < 10; f++) {
          tone.read(in);
          decoder.decode(payload, 0, encoder.encode(in, payload, 0), out);
        }
        double dominant = Goertzel.dominant(out.samples(), 0, 960, 48000, 500, 1000, 2000);
        System.out.println("bundled=" + runtime.library().bundled() + " version=" + runtime.library().version()
            + " dominant=" + dominant);
      }
    }
  }
}
