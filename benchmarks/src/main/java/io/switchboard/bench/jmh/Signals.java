package io.switchboard.bench.jmh;

import io.switchboard.media.audio.PcmFrame;
import java.util.SplittableRandom;

/** Speech-like test input: two tones plus a little noise, so codecs and filters see real work. */
final class Signals {
  private Signals() {}

  /** One 20 ms frame at {@code rate}: 300 Hz and 1100 Hz at about -12 dBFS, plus noise. */
  static PcmFrame frame(int rate, long seed) {
    PcmFrame frame = new PcmFrame(rate);
    short[] s = frame.samples();
    SplittableRandom noise = new SplittableRandom(seed);
    for (int i = 0; i < frame.length(); i++) {
      double t = (double) i / rate;
      double v = 5000 * Math.sin(2 * Math.PI * 300 * t) + 3000 * Math.sin(2 * Math.PI * 1100 * t)
          + noise.nextInt(-500, 500);
      s[i] = (short) Math.round(v);
    }
    return frame;
  }

  /**
   * One second (50 frames) of a continuous voiced-speech stand-in at {@code rate}: a fundamental
   * gliding 110..220 Hz with five harmonics, a 4 Hz syllable envelope, and a little noise, so
   * an adaptive codec does not settle on a trivially predictable input.
   */
  static PcmFrame[] second(int rate, long seed) {
    SplittableRandom noise = new SplittableRandom(seed);
    PcmFrame[] frames = new PcmFrame[50];
    double phase = 0;
    for (int f = 0; f < frames.length; f++) {
      frames[f] = new PcmFrame(rate);
      short[] s = frames[f].samples();
      for (int i = 0; i < frames[f].length(); i++) {
        double t = (double) (f * frames[f].length() + i) / rate;
        double pitch = 110 + 110 * (0.5 + 0.5 * Math.sin(2 * Math.PI * 0.7 * t));
        phase += 2 * Math.PI * pitch / rate;
        double voiced = 0;
        for (int h = 1; h <= 5; h++) {
          voiced += Math.sin(h * phase) / h;
        }
        double envelope = 0.2 + 0.8 * Math.abs(Math.sin(2 * Math.PI * 4 * t));
        s[i] = (short) Math.round(6000 * envelope * voiced + noise.nextInt(-300, 300));
      }
    }
    return frames;
  }
}
