package io.switchboard.media.resample;

/**
 * The anti-alias / anti-image low-pass filter of an integer-ratio resampler: a Kaiser-windowed
 * sinc at the high rate, quantised to Q15 so the per-sample work is integer multiply-adds
 * (which the JIT vectorises).
 *
 * <p>The pass band reaches 7/16 of the low rate (3.5 kHz at 8 kHz, 7 kHz at 16 kHz, covering the
 * G.711 and G.722 audio bands) and the stop band starts at the low rate's Nyquist frequency, so
 * nothing folds back into the band that survives. The filter has {@code 2 * ratio * halfLength + 1}
 * taps, and its delay is {@code halfLength} samples at the low rate.
 */
final class LowPassDesign {
  /** Stop-band attenuation the window is designed for, in dB (Q15 rounding limits it near here). */
  static final double STOP_BAND_DB = 70;
  static final int Q = 15;
  static final int ONE = 1 << Q;
  /**
   * Samples enter the filter halved: sharp filters have a sum of absolute taps above 2, so
   * full-scale 16-bit input times Q15 taps could overflow a 32-bit accumulator. The lost bit
   * is noise near -100 dBFS.
   */
  static final int INPUT_SHIFT = 1;

  private LowPassDesign() {}

  /** Delay, in samples at the low rate, of the filter for this ratio of high to low rate. */
  static int halfLength(int ratio) {
    // Kaiser's estimate of the taps needed: (A - 8) / (2.285 * transition width in rad/sample).
    double transition = 2 * Math.PI * (0.5 - 7.0 / 16) / ratio;
    double taps = (STOP_BAND_DB - 8) / (2.285 * transition) + 1;
    return (int) Math.ceil((taps - 1) / (2.0 * ratio));
  }

  /**
   * The real-valued prototype at the high rate, with DC gain {@code gain}: 1 for decimation,
   * {@code ratio} for interpolation (zero-stuffing loses that factor).
   */
  static double[] prototype(int ratio, double gain) {
    int half = ratio * halfLength(ratio);
    int taps = 2 * half + 1;
    double cutoff = (0.5 + 7.0 / 16) / 2 / ratio; // middle of the transition, cycles per sample
    double beta = 0.1102 * (STOP_BAND_DB - 8.7);
    double besselBeta = besselI0(beta);
    double[] h = new double[taps];
    double sum = 0;
    for (int n = 0; n < taps; n++) {
      int t = n - half;
      double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
      double r = (double) t / half;
      h[n] = sinc * besselI0(beta * Math.sqrt(1 - r * r)) / besselBeta;
      sum += h[n];
    }
    for (int n = 0; n < taps; n++) {
      h[n] *= gain / sum;
    }
    return h;
  }

  /**
   * One polyphase branch, ready for {@link #filter}: taps {@code from, from + step, …} of the
   * prototype rounded to Q15 (the largest nudged so the branch's DC gain is exactly
   * {@code dcGain}), zero-padded to a multiple of 8 so the vectorised loop has no tail, and
   * reversed so tap 0 meets the newest sample.
   */
  static int[] branch(double[] prototype, int from, int step, int count, double dcGain) {
    int padded = (count + 7) / 8 * 8;
    int[] q = new int[padded];
    int sum = 0;
    int largest = 0;
    for (int k = 0; k < count; k++) {
      int index = from + k * step;
      q[k] = index < prototype.length ? (int) Math.round(prototype[index] * ONE) : 0;
      sum += q[k];
      if (Math.abs(q[k]) > Math.abs(q[largest])) {
        largest = k;
      }
    }
    q[largest] += (int) Math.round(dcGain * ONE) - sum;
    long absoluteSum = 0;
    int[] reversed = new int[padded];
    for (int k = 0; k < padded; k++) {
      reversed[padded - 1 - k] = q[k];
      absoluteSum += Math.abs(q[k]);
    }
    // Integer accumulation must not overflow for any 16-bit input.
    if (absoluteSum * (32768 >> INPUT_SHIFT) + ONE > Integer.MAX_VALUE) {
      throw new IllegalStateException("filter gain too high for 32-bit accumulation: " + absoluteSum);
    }
    return reversed;
  }

  /** Modified Bessel function of the first kind, order 0 (power series). */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double quarterSquare = x * x / 4;
    for (int k = 1; term > 1e-12 * sum; k++) {
      term *= quarterSquare / ((double) k * k);
      sum += term;
    }
    return sum;
  }

  /** A sample as it is kept in filter history. */
  static int toHistory(short sample) {
    return sample >> INPUT_SHIFT;
  }

  /** Σ coefficients[j] * history[at + j], rounded back to 16-bit scale and clamped. */
  static short filter(int[] history, int at, int[] coefficients) {
    int acc = 1 << (Q - INPUT_SHIFT - 1);
    for (int j = 0; j < coefficients.length; j++) {
      acc += history[at + j] * coefficients[j];
    }
    acc >>= Q - INPUT_SHIFT;
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, acc));
  }
}
