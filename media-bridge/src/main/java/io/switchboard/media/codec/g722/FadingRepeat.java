package io.switchboard.media.codec.g722;

/**
 * Packet loss concealment by repetition: a lost frame is replaced by the last good one, faded
 * so that {@link #FADE_FRAMES} consecutive losses reach silence. The first good frame after a
 * loss is faded in over {@link #FADE_IN_SAMPLES} so the jump back does not click.
 */
final class FadingRepeat {
  static final int FADE_FRAMES = 4;
  static final int FADE_IN_SAMPLES = 40;
  private static final int UNITY = 1 << 15;

  private final short[] last;
  private int lost;
  /** Gain (Q15) the last concealed frame ended at, where a fade-in starts. */
  private int endGain = UNITY;

  FadingRepeat(int frameLength) {
    this.last = new short[frameLength];
  }

  /** Notes a decoded frame, fading it in if it follows concealment. */
  void received(short[] frame) {
    if (lost > 0) {
      for (int i = 0; i < FADE_IN_SAMPLES; i++) {
        int gain = endGain + (UNITY - endGain) * i / FADE_IN_SAMPLES;
        frame[i] = (short) ((frame[i] * gain) >> 15);
      }
      lost = 0;
      endGain = UNITY;
    }
    System.arraycopy(frame, 0, last, 0, last.length);
  }

  /** Fills {@code frame} for a lost packet. */
  void conceal(short[] frame) {
    int startGain = Math.max(0, UNITY - UNITY * lost / FADE_FRAMES);
    lost++;
    endGain = Math.max(0, UNITY - UNITY * lost / FADE_FRAMES);
    for (int i = 0; i < last.length; i++) {
      int gain = startGain + (endGain - startGain) * i / last.length;
      frame[i] = (short) ((last[i] * gain) >> 15);
    }
  }
}
