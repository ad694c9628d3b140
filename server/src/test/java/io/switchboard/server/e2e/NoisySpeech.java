package io.switchboard.server.e2e;

import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.media.testing.WavFile;
import java.nio.file.Path;
import java.util.Random;

/**
 * A caller in a noisy place, as an 8 kHz phone WAV: pink noise (a fan, traffic) throughout, 10 dB
 * below the voice, and a sentence spoken twice: 3 s noise, speech, 3 s noise, speech, 3 s noise.
 * {@link #judge} finds the call's audio in a room recording by cross-correlation with the clean
 * voice and measures the noise-only and the speech stretches there.
 */
final class NoisySpeech {
  static final int RATE = 8000;
  private static final int GAP = 3 * RATE;
  private static final double NOISE_BELOW_SPEECH_DB = 10;

  private final short[] clean;
  private final short[] noisy;
  private final int speechLength;
  private final int[] speechStarts;

  /** What a room heard of the call, in dBFS. */
  record Levels(double noise, double speech, int lagMs) {
    @Override
    public String toString() {
      return String.format("noise-only stretches %.1f dBFS, speech stretches %.1f dBFS (call %d ms into the recording)",
          noise, speech, lagMs);
    }
  }

  NoisySpeech(String sentence, long seed) throws InterruptedException {
    short[] speech = narrowband(sentence);
    speechLength = speech.length;
    speechStarts = new int[] {GAP, 2 * GAP + speechLength};
    int total = 3 * GAP + 2 * speechLength;
    clean = new short[total];
    for (int start : speechStarts) {
      System.arraycopy(speech, 0, clean, start, speechLength);
    }
    double speechRms = SignalMetrics.rms(speech, 0, speechLength);
    double noiseRms = speechRms * Math.pow(10, -NOISE_BELOW_SPEECH_DB / 20);
    double[] pink = pink(new Random(seed), total);
    double pinkRms = 0;
    for (double v : pink) {
      pinkRms += v * v;
    }
    pinkRms = Math.sqrt(pinkRms / total);
    noisy = new short[total];
    for (int i = 0; i < total; i++) {
      double v = clean[i] + pink[i] * noiseRms / pinkRms;
      noisy[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v)));
    }
  }

  Path write(Path path) {
    WavFile.mono(RATE, noisy).write(path);
    return path;
  }

  int millis() {
    return noisy.length * 1000 / RATE;
  }

  /** The source's own levels, measured as {@link #judge} measures a recording. */
  Levels source() {
    return measure(noisy, 0);
  }

  /** Finds the call in {@code recording} (8 kHz) by the first sentence and measures it. */
  Levels judge(short[] recording) {
    int maxLag = recording.length - noisy.length;
    if (maxLag < 0) {
      throw new AssertionError("the room recording (" + recording.length / RATE + " s) is shorter than the call");
    }
    int lag = SignalMetrics.delay(clean, speechStarts[0], recording, RATE, maxLag);
    return measure(recording, lag);
  }

  /**
   * Noise: the middle gap and the tail, from 0.5 s after the voice (RNNoise's release, speech
   * tails) to 0.3 s before the next; the first gap is left out (call set-up, adaptation).
   * Speech: both sentences whole.
   */
  private Levels measure(short[] audio, int lag) {
    double noiseEnergy = 0;
    int noiseSamples = 0;
    double speechEnergy = 0;
    int speechSamples = 0;
    for (int s = 0; s < 2; s++) {
      int speechEnd = speechStarts[s] + speechLength;
      int noiseFrom = speechEnd + RATE / 2;
      int noiseTo = (s == 0 ? speechStarts[1] : noisy.length) - 3 * RATE / 10;
      noiseEnergy += energy(audio, lag + noiseFrom, noiseTo - noiseFrom);
      noiseSamples += noiseTo - noiseFrom;
      speechEnergy += energy(audio, lag + speechStarts[s], speechLength);
      speechSamples += speechLength;
    }
    return new Levels(dbfs(noiseEnergy, noiseSamples), dbfs(speechEnergy, speechSamples), lag * 1000 / RATE);
  }

  private static double energy(short[] audio, int from, int length) {
    double sum = 0;
    for (int i = from; i < Math.min(audio.length, from + length); i++) {
      sum += (double) audio[i] * audio[i];
    }
    return sum;
  }

  private static double dbfs(double energy, int samples) {
    return 20 * Math.log10(Math.max(Math.sqrt(energy / samples), 1e-3) / 32768.0);
  }

  /** FreeTTS's kevin16 at 16 kHz, brought to 8 kHz with the media resampler. */
  private static short[] narrowband(String sentence) throws InterruptedException {
    PcmRecorder wide = new PcmRecorder(FreeTtsTextToSpeech.SAMPLE_RATE);
    try (FreeTtsTextToSpeech voice = new FreeTtsTextToSpeech()) {
      voice.synthesize(sentence, wide::append);
    }
    short[] w = wide.samples();
    int frameIn = PcmFrame.samplesPerFrame(FreeTtsTextToSpeech.SAMPLE_RATE);
    int frames = (w.length + frameIn - 1) / frameIn;
    Resampler down = Resampler.between(FreeTtsTextToSpeech.SAMPLE_RATE, RATE);
    PcmFrame in = new PcmFrame(FreeTtsTextToSpeech.SAMPLE_RATE);
    PcmFrame out = new PcmFrame(RATE);
    PcmRecorder narrow = new PcmRecorder(RATE);
    for (int f = 0; f < frames; f++) {
      in.silence();
      System.arraycopy(w, f * frameIn, in.samples(), 0, Math.min(frameIn, w.length - f * frameIn));
      down.process(in, out);
      narrow.write(out);
    }
    return narrow.samples();
  }

  /** Pink (1/f) noise from white by Paul Kellet's filter. */
  private static double[] pink(Random random, int count) {
    double[] out = new double[count];
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    for (int i = 0; i < count; i++) {
      double w = random.nextGaussian();
      b0 = 0.99765 * b0 + w * 0.0990460;
      b1 = 0.96300 * b1 + w * 0.2965164;
      b2 = 0.57000 * b2 + w * 1.0526913;
      out[i] = b0 + b1 + b2 + w * 0.1848;
    }
    return out;
  }
}
