package io.switchboard.media.codec.g711;

import io.switchboard.media.audio.PcmFrame;

/**
 * Packet loss concealment by repetition: each lost frame repeats the last good frame under a
 * gain ramp that falls linearly to silence over {@value #FADE_FRAMES} frames (100 ms), so short
 * gaps are bridged and long ones do not buzz. Continuous ramps avoid clicks at frame edges.
 */
public final class RepeatFadeConcealer {
  /** Lost frames until the output is silent. */
  public static final int FADE_FRAMES = 5;

  private final short[] last = new short[PcmFrame.MAX_SAMPLES];
  private int lastLength;
  private int consecutiveLosses;

  /** Remembers a correctly decoded frame and ends any loss run. */
  public void remember(PcmFrame good) {
    lastLength = good.length();
    System.arraycopy(good.samples(), 0, last, 0, lastLength);
    consecutiveLosses = 0;
  }

  /** Fills {@code out} (already at the stream's rate) with the next concealment frame. */
  public void conceal(PcmFrame out) {
    short[] samples = out.samples();
    int n = out.length();
    consecutiveLosses++;
    if (lastLength != n || consecutiveLosses > FADE_FRAMES) {
      out.silence();
      return;
    }
    double startGain = 1.0 - (consecutiveLosses - 1) / (double) FADE_FRAMES;
    double step = 1.0 / FADE_FRAMES / n;
    for (int i = 0; i < n; i++) {
      samples[i] = (short) Math.round(last[i] * (startGain - step * i));
    }
  }

  /** Forgets the remembered frame (e.g. after a stream restart). */
  public void reset() {
    lastLength = 0;
    consecutiveLosses = 0;
  }
}
