package io.switchboard.server.e2e;

import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.WavFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A caller's spoken request as a phone plays it: FreeTTS's kevin16 voice, converted by sox to
 * 8 kHz mono 16-bit, with silence before and after. (espeak-ng's voice through G.711 defeats
 * Sphinx4's demo-grade recognition too often for a test; kevin16 is recognised reliably.)
 */
final class SpokenWav {
  private SpokenWav() {}

  static boolean toolsInstalled() {
    return Files.isExecutable(Path.of("/usr/bin/sox"));
  }

  static Path say(Path dir, String name, String text, int silenceBeforeSeconds, int silenceAfterSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    PcmRecorder speech = new PcmRecorder(FreeTtsTextToSpeech.SAMPLE_RATE);
    try (FreeTtsTextToSpeech voice = new FreeTtsTextToSpeech()) {
      voice.synthesize(text, speech::append);
    }
    Path raw = dir.resolve(name + "-16k.wav");
    Path out = dir.resolve(name + ".wav");
    WavFile.mono(FreeTtsTextToSpeech.SAMPLE_RATE, speech.samples()).write(raw);
    run("sox", raw.toString(), "-r", "8000", "-c", "1", "-b", "16", out.toString(),
        "pad", Integer.toString(silenceBeforeSeconds), Integer.toString(silenceAfterSeconds));
    return out;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
