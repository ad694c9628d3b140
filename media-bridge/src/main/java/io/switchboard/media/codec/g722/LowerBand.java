package io.switchboard.media.codec.g722;

/**
 * The G.722 lower sub-band (0–4 kHz) ADPCM at 48 kbit/s: a 6-bit adaptive quantiser (block
 * 1L), whose 4 most significant bits alone drive the adaptation (blocks 2L, 3L, 4), so that
 * the 56 and 48 kbit/s modes stay in step with the encoder.
 */
final class LowerBand {
  /** Decision levels of the 6-bit quantiser, Q12 multiples of the scale factor (Table 6/G.722). */
  private static final int[] Q6 = {
    0, 35, 72, 110, 150, 190, 233, 276, 323, 370, 422, 473, 530, 587, 650, 714,
    786, 858, 940, 1023, 1121, 1219, 1339, 1458, 1612, 1765, 1980, 2195, 2557, 2919,
  };
  /** Codes for interval i of a negative difference ({@link #NEGATIVE_CODES}) or a positive one. */
  private static final int[] NEGATIVE_CODES = {
    0, 63, 62, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19,
    18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4,
  };
  private static final int[] POSITIVE_CODES = {
    0, 61, 60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47,
    46, 45, 44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32,
  };
  /** Inverse quantiser outputs for the 4-bit code (QQ4, Q15 of the scale factor). */
  private static final int[] QM4 = {
    0, -20456, -12896, -8968, -6288, -4240, -2584, -1200, 20456, 12896, 8968, 6288, 4240, 2584, 1200, 0,
  };
  /** Inverse quantiser outputs for the full 6-bit code (QQ6). */
  private static final int[] QM6 = {
    -136, -136, -136, -136, -24808, -21904, -19008, -16704, -14984, -13512, -12280, -11192, -10232, -9360, -8576, -7856,
    -7192, -6576, -6000, -5456, -4944, -4464, -4008, -3576, -3168, -2776, -2400, -2032, -1688, -1360, -1040, -728,
    24808, 21904, 19008, 16704, 14984, 13512, 12280, 11192, 10232, 9360, 8576, 7856, 7192, 6576, 6000, 5456,
    4944, 4464, 4008, 3576, 3168, 2776, 2400, 2032, 1688, 1360, 1040, 728, 432, 136, -432, -136,
  };
  /** Log scale factor multipliers W_L, indexed through {@link #MAGNITUDE_OF_CODE4}. */
  private static final int[] WL = {-60, -30, 58, 172, 334, 538, 1198, 3042};
  private static final int[] MAGNITUDE_OF_CODE4 = {0, 7, 6, 5, 4, 3, 2, 1, 7, 6, 5, 4, 3, 2, 1, 0};
  private static final int MAX_LOG_SCALE = 18432;

  private final AdaptivePredictor predictor = new AdaptivePredictor();
  private int logScale;
  private int scale = 32;

  /** Encodes one lower-band sample (15-bit) into its 6-bit code. */
  int encode(int sample) {
    int difference = AdaptivePredictor.saturate(sample - predictor.estimate());
    int magnitude = difference >= 0 ? difference : -(difference + 1);
    // The interval is the number of decision levels the magnitude reaches (1..30).
    int interval = 1;
    while (interval < 30 && magnitude >= (Q6[interval] * scale) >> 12) {
      interval++;
    }
    int code = difference < 0 ? NEGATIVE_CODES[interval] : POSITIVE_CODES[interval];
    adapt(code >> 2);
    return code;
  }

  /** Decodes a 6-bit code into the reconstructed lower-band sample (15-bit). */
  int decode(int code) {
    int sample = AdaptivePredictor.clamp(predictor.estimate() + ((scale * QM6[code]) >> 15), -16384, 16383);
    adapt(code >> 2);
    return sample;
  }

  private void adapt(int code4) {
    int difference = (scale * QM4[code4]) >> 15;
    logScale = AdaptivePredictor.clamp(((logScale * 127) >> 7) + WL[MAGNITUDE_OF_CODE4[code4]], 0, MAX_LOG_SCALE);
    scale = ScaleFactor.linear(logScale, 8);
    predictor.update(difference);
  }
}
