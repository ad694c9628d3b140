package io.switchboard.media.codec.g722;

/**
 * G.722 block 4 (§3.6): the adaptive predictor of one sub-band, a second-order pole section
 * over the reconstructed signal plus a sixth-order zero section over the quantised
 * difference. Encoder and decoder run identical copies, fed the same quantised differences,
 * so their estimates agree bit for bit. All arithmetic is the recommendation's 16-bit
 * fixed point.
 */
final class AdaptivePredictor {
  /** Signal estimate for the next sample (SL/SH). */
  private int estimate;
  /** Zero-section part of the estimate (SZL/SZH). */
  private int zeroEstimate;
  /** Pole coefficients A1, A2. */
  private int a1;
  private int a2;
  /** Zero coefficients B1..B6 (index 0 unused, to follow the recommendation's numbering). */
  private final int[] b = new int[7];
  /** Past quantised differences DLT1..DLT6 (index 0 unused). */
  private final int[] pastDifference = new int[7];
  /** Past partially reconstructed signals PLT1, PLT2. */
  private int partial1;
  private int partial2;
  /** Past reconstructed signals RLT1, RLT2. */
  private int reconstructed1;
  private int reconstructed2;

  /** The estimate of the next sample. */
  int estimate() {
    return estimate;
  }

  /** Adapts to the quantised difference {@code d} of the current sample and predicts the next. */
  void update(int d) {
    int reconstructed = saturate(estimate + d); // RECONS
    int partial = saturate(zeroEstimate + d); // PARREC

    // UPPOL2: second pole coefficient, leaking toward zero, nudged by sign agreement.
    int wd1 = saturate(a1 * 4);
    int wd2 = Math.min(-bySign(wd1, partial, partial1), 32767);
    int nextA2 = (wd2 >> 7) + bySign(128, partial, partial2) + ((a2 * 127) >> 7);
    nextA2 = clamp(nextA2, -12288, 12288);

    // UPPOL1: first pole coefficient, kept inside the stability triangle.
    int nextA1 = saturate(bySign(192, partial, partial1) + ((a1 * 255) >> 8));
    int limit = 15360 - nextA2;
    nextA1 = clamp(nextA1, -limit, limit);

    // UPZERO: sign-sign adaptation of the zero coefficients (no step when d is zero), fused
    // with DELAYA's shift of the past differences and FILTEZ's sum over the new ones.
    int step = d == 0 ? 0 : 128;
    int zero = 0;
    int newer = d;
    for (int i = 1; i <= 6; i++) {
      int older = pastDifference[i];
      int bi = saturate(bySign(step, d, older) + ((b[i] * 255) >> 8));
      b[i] = bi;
      pastDifference[i] = newer;
      zero += (bi * saturate(2 * newer)) >> 15;
      newer = older;
    }

    // DELAYA
    partial2 = partial1;
    partial1 = partial;
    reconstructed2 = reconstructed1;
    reconstructed1 = reconstructed;
    a1 = nextA1;
    a2 = nextA2;

    // FILTEP, then PREDIC.
    int pole = saturate(((a1 * saturate(2 * reconstructed1)) >> 15) + ((a2 * saturate(2 * reconstructed2)) >> 15));
    zeroEstimate = saturate(zero);
    estimate = saturate(pole + zeroEstimate);
  }

  /**
   * {@code value} if x and y have the same sign, else {@code -value}; zero counts as positive,
   * as in the recommendation. Branch-free: these signs are as good as random for noisy audio.
   */
  private static int bySign(int value, int x, int y) {
    int flip = (x ^ y) >> 31;
    return (value ^ flip) - flip;
  }

  static int saturate(int value) {
    return clamp(value, -32768, 32767);
  }

  static int clamp(int value, int min, int max) {
    return Math.max(min, Math.min(max, value));
  }
}
