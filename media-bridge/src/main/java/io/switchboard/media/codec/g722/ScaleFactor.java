package io.switchboard.media.codec.g722;

/** G.722 blocks 3L/3H SCALEL/SCALEH: the quantiser scale factor from its logarithm. */
final class ScaleFactor {
  /** 2^(i/32) in Q11, i = 0..31: the mantissa of the log-to-linear conversion. */
  private static final int[] ILB = {
    2048, 2093, 2139, 2186, 2233, 2282, 2332, 2383, 2435, 2489, 2543, 2599, 2656, 2714, 2774, 2834,
    2896, 2960, 3025, 3091, 3158, 3228, 3298, 3371, 3444, 3520, 3597, 3676, 3756, 3838, 3922, 4008,
  };

  private ScaleFactor() {}

  /**
   * The linear scale factor (DETL/DETH) for a log scale factor (NBL/NBH).
   *
   * @param bias 8 for the lower band, 10 for the upper band
   */
  static int linear(int logScale, int bias) {
    int mantissa = ILB[(logScale >> 6) & 31];
    int shift = bias - (logScale >> 11);
    int value = shift >= 0 ? mantissa >> shift : mantissa << -shift;
    return value << 2;
  }
}
