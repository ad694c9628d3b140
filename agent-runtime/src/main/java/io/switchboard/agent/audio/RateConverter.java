package io.switchboard.agent.audio;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;

/**
 * Feeds synthesised audio of any chunk length at one rate into a {@link SpeechAudio} at another,
 * through 20 ms frames of the media resampler. One per synthesis.
 */
public final class RateConverter {
  private final SpeechAudio out;
  private final Resampler resampler;
  private final PcmFrame in;
  private final PcmFrame converted;
  private int filled;

  public RateConverter(int fromRate, int toRate, SpeechAudio out) {
    this.out = out;
    this.resampler = Resampler.between(fromRate, toRate);
    this.in = new PcmFrame(fromRate);
    this.converted = new PcmFrame(toRate);
  }

  public void append(short[] samples, int offset, int length) {
    while (length > 0) {
      int n = Math.min(length, in.length() - filled);
      System.arraycopy(samples, offset, in.samples(), filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == in.length()) {
        emit();
      }
    }
  }

  /** Pads the last partial frame with silence and writes it. */
  public void finish() {
    if (filled > 0) {
      java.util.Arrays.fill(in.samples(), filled, in.length(), (short) 0);
      emit();
    }
  }

  private void emit() {
    resampler.process(in, converted);
    out.append(converted.samples(), 0, converted.length());
    filled = 0;
  }
}
