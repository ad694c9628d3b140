package io.switchboard.agent.openai;

import io.switchboard.agent.tts.TtsOutput;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;

/** Samples of any chunk length at one rate, handed on at another in 20 ms frames. One per synthesis. */
final class FrameResampler {
  private final TtsOutput out;
  private final Resampler resampler;
  private final PcmFrame in;
  private final PcmFrame converted;
  private int filled;

  FrameResampler(int fromRate, int toRate, TtsOutput out) {
    this.out = out;
    this.resampler = Resampler.between(fromRate, toRate);
    this.in = new PcmFrame(fromRate);
    this.converted = new PcmFrame(toRate);
  }

  void append(short[] samples, int offset, int length) {
    while (length > 0) {
      int n = Math.min(length, in.length() - filled);
      System.arraycopy(samples, offset, in.samples(), filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == in.length()) {
        emit(converted.length());
      }
    }
  }

  /** Hands on the last partial frame (only its share of the converted samples). */
  void finish() {
    if (filled > 0) {
      int kept = (int) ((long) filled * converted.sampleRate() / in.sampleRate());
      java.util.Arrays.fill(in.samples(), filled, in.length(), (short) 0);
      emit(kept);
    }
  }

  /** Converts the frame and hands on its first {@code outSamples} samples. */
  private void emit(int outSamples) {
    resampler.process(in, converted);
    out.audio(converted.samples(), 0, outSamples);
    filled = 0;
  }
}
