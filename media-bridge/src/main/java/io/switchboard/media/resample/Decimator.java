package io.switchboard.media.resample;

import io.switchboard.media.audio.PcmFrame;

/** Lowers the rate by an integer factor: low-pass at the input rate, then keep every M-th sample. */
final class Decimator implements Resampler {
  private final int inputRate;
  private final int factor;
  private final int delay;
  private final int[] taps;
  /** The last {@code taps.length - 1} input samples, then the current frame. */
  private final int[] history;
  private final int historyLength;

  Decimator(int inputRate, int factor) {
    this.inputRate = inputRate;
    this.factor = factor;
    this.delay = LowPassDesign.halfLength(factor);
    double[] prototype = LowPassDesign.prototype(factor, 1);
    this.taps = LowPassDesign.branch(prototype, 0, 1, prototype.length, 1);
    this.historyLength = taps.length - 1;
    this.history = new int[historyLength + PcmFrame.samplesPerFrame(inputRate)];
  }

  @Override
  public int inputRate() {
    return inputRate;
  }

  @Override
  public int outputRate() {
    return inputRate / factor;
  }

  @Override
  public void process(PcmFrame in, PcmFrame out) {
    Resampler.check(this, in, out);
    short[] input = in.samples();
    int inputLength = in.length();
    for (int i = 0; i < inputLength; i++) {
      history[historyLength + i] = LowPassDesign.toHistory(input[i]);
    }
    out.setSampleRate(outputRate());
    short[] output = out.samples();
    int outputLength = out.length();
    // Output m ends its taps on input m * factor (history index m * factor + historyLength).
    for (int m = 0; m < outputLength; m++) {
      output[m] = LowPassDesign.filter(history, m * factor, taps);
    }
    System.arraycopy(history, inputLength, history, 0, historyLength);
  }

  @Override
  public int delaySamples() {
    return delay;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(history, 0);
  }
}
