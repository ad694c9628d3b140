package io.switchboard.media.resample;

import io.switchboard.media.audio.PcmFrame;

/**
 * Raises the rate by an integer factor L as a polyphase filter: output sample {@code n * L + p}
 * is input samples {@code n, n-1, …} weighted by every L-th tap of the prototype from {@code p}.
 * This skips the zeros that zero-stuffing would multiply.
 */
final class Interpolator implements Resampler {
  private final int inputRate;
  private final int factor;
  private final int delay;
  /** Per phase, the taps as {@link LowPassDesign#branch} lays them out. */
  private final int[][] phases;
  private final int[] history;
  private final int historyLength;

  Interpolator(int inputRate, int factor) {
    this.inputRate = inputRate;
    this.factor = factor;
    int half = LowPassDesign.halfLength(factor);
    this.delay = half * factor;
    double[] prototype = LowPassDesign.prototype(factor, factor);
    this.phases = new int[factor][];
    for (int p = 0; p < factor; p++) {
      phases[p] = LowPassDesign.branch(prototype, p, factor, 2 * half + 1, 1);
    }
    this.historyLength = phases[0].length - 1;
    this.history = new int[historyLength + PcmFrame.samplesPerFrame(inputRate)];
  }

  @Override
  public int inputRate() {
    return inputRate;
  }

  @Override
  public int outputRate() {
    return inputRate * factor;
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
    for (int n = 0; n < inputLength; n++) {
      for (int p = 0; p < factor; p++) {
        output[n * factor + p] = LowPassDesign.filter(history, n, phases[p]);
      }
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
