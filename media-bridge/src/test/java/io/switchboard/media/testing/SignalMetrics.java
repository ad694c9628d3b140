package io.switchboard.media.testing;

/** Measurements on 16-bit sample blocks: level, codec SNR, delay and step size. */
public final class SignalMetrics {
  private SignalMetrics() {}

  public static double rms(short[] samples, int offset, int length) {
    double sum = 0;
    for (int i = offset; i < offset + length; i++) {
      sum += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sum / length);
  }

  /** Level relative to a full-scale square wave (32768), in dBFS. */
  public static double rmsDbfs(short[] samples, int offset, int length) {
    return 20 * Math.log10(rms(samples, offset, length) / 32768.0);
  }

  /**
   * Signal-to-noise ratio of {@code test} against {@code reference}, in dB: the reference's
   * energy over the energy of their difference, sample by sample over {@code length}.
   */
  public static double snrDb(short[] reference, int referenceOffset, short[] test, int testOffset, int length) {
    double signal = 0;
    double noise = 0;
    for (int i = 0; i < length; i++) {
      double r = reference[referenceOffset + i];
      double d = r - test[testOffset + i];
      signal += r * r;
      noise += d * d;
    }
    return noise == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(signal / noise);
  }

  /**
   * The lag (0..maxLag) by which {@code test} trails {@code reference} best, by normalised
   * cross-correlation over {@code length} samples starting at {@code referenceOffset}.
   */
  public static int delay(short[] reference, int referenceOffset, short[] test, int length, int maxLag) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int lag = 0; lag <= maxLag; lag++) {
      int testOffset = referenceOffset + lag;
      if (testOffset + length > test.length) {
        break;
      }
      double cross = 0;
      double energy = 0;
      for (int i = 0; i < length; i++) {
        double t = test[testOffset + i];
        cross += reference[referenceOffset + i] * t;
        energy += t * t;
      }
      double score = energy == 0 ? 0 : cross / Math.sqrt(energy);
      if (score > bestScore) {
        bestScore = score;
        best = lag;
      }
    }
    return best;
  }

  /** The largest absolute difference between neighbouring samples: a click shows up here. */
  public static int maxStep(short[] samples, int offset, int length) {
    int max = 0;
    for (int i = offset + 1; i < offset + length; i++) {
      max = Math.max(max, Math.abs(samples[i] - samples[i - 1]));
    }
    return max;
  }

  public static int peak(short[] samples, int offset, int length) {
    int max = 0;
    for (int i = offset; i < offset + length; i++) {
      max = Math.max(max, Math.abs(samples[i]));
    }
    return max;
  }
}
