package io.switchboard.media.testing;

import java.util.Locale;

/**
 * Assertions on audio blocks that say what was heard when they fail. They throw plain
 * {@link AssertionError}s so any test framework reports them.
 */
public final class SignalAssert {
  private SignalAssert() {}

  /**
   * Asserts that {@code expected} is the strongest of {@code expected} and {@code others}, and
   * that it carries at least {@code minRelativeDb} of the block's power (e.g. -3 dB).
   */
  public static void assertTone(
      short[] samples, int offset, int length, int sampleRate, double expected, double minRelativeDb,
      double... others) {
    double[] candidates = new double[others.length + 1];
    candidates[0] = expected;
    System.arraycopy(others, 0, candidates, 1, others.length);
    double dominant = Goertzel.dominant(samples, offset, length, sampleRate, candidates);
    double level = Goertzel.relativeDb(samples, offset, length, sampleRate, expected);
    if (dominant != expected || !(level >= minRelativeDb)) {
      throw new AssertionError(String.format(Locale.ROOT,
          "expected a %.0f Hz tone carrying >= %.1f dB of the power, but %.0f Hz dominates and %.0f Hz is at %.1f dB"
              + " (rms %.1f)",
          expected, minRelativeDb, dominant, expected, level, SignalMetrics.rms(samples, offset, length)));
    }
  }

  /** Asserts the block's RMS level stays at or below {@code maxRms} (16-bit units). */
  public static void assertQuiet(short[] samples, int offset, int length, double maxRms) {
    double rms = SignalMetrics.rms(samples, offset, length);
    if (rms > maxRms) {
      throw new AssertionError(String.format(Locale.ROOT,
          "expected near-silence (rms <= %.1f) but rms is %.1f, peak %d",
          maxRms, rms, SignalMetrics.peak(samples, offset, length)));
    }
  }

  /** Asserts that no two neighbouring samples differ by more than {@code maxStep}. */
  public static void assertNoClicks(short[] samples, int offset, int length, int maxStep) {
    for (int i = offset + 1; i < offset + length; i++) {
      int step = Math.abs(samples[i] - samples[i - 1]);
      if (step > maxStep) {
        throw new AssertionError(
            "step of " + step + " between samples " + (i - 1) + " and " + i + " exceeds " + maxStep);
      }
    }
  }

  /** Asserts the SNR of {@code test} against {@code reference} is at least {@code minDb}. */
  public static double assertSnr(
      short[] reference, int referenceOffset, short[] test, int testOffset, int length, double minDb) {
    double snr = SignalMetrics.snrDb(reference, referenceOffset, test, testOffset, length);
    if (!(snr >= minDb)) {
      throw new AssertionError(String.format(Locale.ROOT, "SNR %.1f dB is below %.1f dB", snr, minDb));
    }
    return snr;
  }
}
