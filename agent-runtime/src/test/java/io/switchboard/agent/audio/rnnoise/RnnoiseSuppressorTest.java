package io.switchboard.agent.audio.rnnoise;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RNNoise (WebAssembly from npm, on Chicory) on synthesised speech in white noise at 16 kHz. */
class RnnoiseSuppressorTest {
  private static RnnoiseSuppressor rnnoise;
  private static short[] speech;

  @BeforeAll
  static void load() throws Exception {
    rnnoise = RnnoiseSuppressor.load();
    PcmRecorder rec = new PcmRecorder(16_000);
    try (FreeTtsTextToSpeech tts = new FreeTtsTextToSpeech()) {
      tts.synthesize("Please send an engineer to fix my broken phone line.", rec::append);
    }
    speech = rec.samples();
  }

  @Test
  void removesSteadyNoiseAndKeepsTheVoice() {
    int second = 16_000;
    int noiseOnly = 2 * second;
    short[] clean = new short[noiseOnly + speech.length];
    System.arraycopy(speech, 0, clean, noiseOnly, speech.length);
    short[] noisy = clean.clone();
    Random random = new Random(11);
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, noisy[i] + random.nextGaussian() * 600));
    }
    short[] out = new short[noisy.length];
    PcmFrame frame = new PcmFrame(16_000);
    try (NoiseSuppressor.Stream stream = rnnoise.open(16_000)) {
      for (int at = 0; at + 320 <= noisy.length; at += 320) {
        System.arraycopy(noisy, at, frame.samples(), 0, 320);
        stream.process(frame);
        System.arraycopy(frame.samples(), 0, out, at, 320);
      }
    }
    // Judge the noise after a second of adaptation, over the last second before the voice.
    double noiseBefore = SignalMetrics.rmsDbfs(noisy, second, second);
    double noiseAfter = SignalMetrics.rmsDbfs(out, second, second);
    assertTrue(noiseAfter < noiseBefore - 10, "noise " + noiseBefore + " dBFS -> " + noiseAfter + " dBFS");
    System.out.println("rnnoise: noise " + noiseBefore + " -> " + noiseAfter + " dBFS");
    double voiceBefore = SignalMetrics.rmsDbfs(clean, noiseOnly, speech.length);
    double voiceAfter = SignalMetrics.rmsDbfs(out, noiseOnly, speech.length - 320);
    assertTrue(voiceAfter > voiceBefore - 6, "voice " + voiceBefore + " dBFS -> " + voiceAfter + " dBFS");
  }

  @Test
  void streamsAreIndependentAndRatesMustDivide48k() {
    try (NoiseSuppressor.Stream a = rnnoise.open(8_000); NoiseSuppressor.Stream b = rnnoise.open(48_000)) {
      PcmFrame narrow = new PcmFrame(8_000);
      a.process(narrow);
      PcmFrame wide = new PcmFrame(48_000);
      b.process(wide);
      assertTrue(SignalMetrics.peak(narrow.samples(), 0, narrow.length()) == 0, "silence stays silence");
    }
    assertThrows(IllegalArgumentException.class, () -> rnnoise.open(44_100));
  }
}
