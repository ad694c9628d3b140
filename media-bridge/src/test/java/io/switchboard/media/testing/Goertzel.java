package io.switchboard.media.testing;

/**
 * Single-frequency power measurement (the Goertzel algorithm, generalised to any frequency),
 * Hann-windowed so a strong tone elsewhere leaks little into the measured frequency.
 *
 * <p>Powers are mean powers in squared 16-bit units: a sine of amplitude A measures A²/2, the
 * same scale as the mean square of the block, so the two can be compared directly.
 */
public final class Goertzel {
  private Goertzel() {}

  /** Mean power of the component at {@code frequency} in {@code length} samples. */
  public static double power(short[] samples, int offset, int length, int sampleRate, double frequency) {
    checkBlock(samples, offset, length);
    double omega = 2 * Math.PI * frequency / sampleRate;
    double coefficient = 2 * Math.cos(omega);
    double s1 = 0;
    double s2 = 0;
    double windowSum = 0;
    for (int i = 0; i < length; i++) {
      double w = hann(i, length);
      windowSum += w;
      double s0 = w * samples[offset + i] + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double magnitudeSquared = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    // A sine of amplitude A gives |X| = A * sum(w) / 2.
    return 2 * magnitudeSquared / (windowSum * windowSum);
  }

  /** Power over a whole array. */
  public static double power(short[] samples, int sampleRate, double frequency) {
    return power(samples, 0, samples.length, sampleRate, frequency);
  }

  /** Estimated peak amplitude of the sine at {@code frequency}. */
  public static double amplitude(short[] samples, int offset, int length, int sampleRate, double frequency) {
    return Math.sqrt(2 * power(samples, offset, length, sampleRate, frequency));
  }

  /**
   * Level of {@code frequency} relative to the whole block's (equally windowed) power, in dB:
   * about 0 dB for a pure tone, strongly negative when the frequency is absent.
   */
  public static double relativeDb(short[] samples, int offset, int length, int sampleRate, double frequency) {
    double total = windowedMeanSquare(samples, offset, length);
    if (total == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    return 10 * Math.log10(power(samples, offset, length, sampleRate, frequency) / total);
  }

  /** The candidate frequency with the most power in the block. */
  public static double dominant(
      short[] samples, int offset, int length, int sampleRate, double... candidates) {
    if (candidates.length == 0) {
      throw new IllegalArgumentException("no candidate frequencies given");
    }
    double best = candidates[0];
    double bestPower = -1;
    for (double candidate : candidates) {
      double p = power(samples, offset, length, sampleRate, candidate);
      if (p > bestPower) {
        bestPower = p;
        best = candidate;
      }
    }
    return best;
  }

  /** Mean square of the block under the same window, so a pure tone measures A²/2. */
  static double windowedMeanSquare(short[] samples, int offset, int length) {
    checkBlock(samples, offset, length);
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < length; i++) {
      double w = hann(i, length);
      double x = samples[offset + i];
      sum += w * w * x * x;
      weights += w * w;
    }
    return sum / weights;
  }

  private static double hann(int i, int length) {
    return 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / length);
  }

  private static void checkBlock(short[] samples, int offset, int length) {
    if (length < 2 || offset < 0 || offset + length > samples.length) {
      throw new IllegalArgumentException(
          "block [" + offset + ", " + (offset + length) + ") is not within " + samples.length + " samples");
    }
  }
}
