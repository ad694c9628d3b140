package io.switchboard.media.codec.g722;

/** The G.722 upper sub-band (4–8 kHz) ADPCM at 16 kbit/s: a 2-bit adaptive quantiser (blocks 1H–4H). */
final class UpperBand {
  /** The one decision level, Q12 of the scale factor. */
  private static final int DECISION = 564;
  /** Inverse quantiser outputs for the 2-bit code (QQ2). */
  private static final int[] QM2 = {-7408, -1616, 7408, 1616};
  /** Log scale factor multipliers W_H: index 1 for an inner code (shrink), 2 for an outer one (grow). */
  private static final int[] WH = {0, -214, 798};
  private static final int[] MAGNITUDE_OF_CODE = {2, 1, 2, 1};
  private static final int MAX_LOG_SCALE = 22528;

  private final AdaptivePredictor predictor = new AdaptivePredictor();
  private int logScale;
  private int scale = 8;

  /** Encodes one upper-band sample (15-bit) into its 2-bit code. */
  int encode(int sample) {
    int difference = AdaptivePredictor.saturate(sample - predictor.estimate());
    int magnitude = difference >= 0 ? difference : -(difference + 1);
    boolean outer = magnitude >= (DECISION * scale) >> 12;
    int code = difference < 0 ? (outer ? 0 : 1) : (outer ? 2 : 3);
    adapt(code);
    return code;
  }

  /** Decodes a 2-bit code into the reconstructed upper-band sample (15-bit). */
  int decode(int code) {
    int sample = AdaptivePredictor.clamp(predictor.estimate() + ((scale * QM2[code]) >> 15), -16384, 16383);
    adapt(code);
    return sample;
  }

  private void adapt(int code) {
    int difference = (scale * QM2[code]) >> 15;
    logScale = AdaptivePredictor.clamp(((logScale * 127) >> 7) + WH[MAGNITUDE_OF_CODE[code]], 0, MAX_LOG_SCALE);
    scale = ScaleFactor.linear(logScale, 10);
    predictor.update(difference);
  }
}
