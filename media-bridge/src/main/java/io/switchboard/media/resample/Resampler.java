package io.switchboard.media.resample;

import io.switchboard.media.audio.PcmFrame;

/**
 * Converts a stream of 20 ms frames from one sample rate to another. One instance per stream:
 * it keeps the filter history, so consecutive frames join without clicks. Converting a frame
 * allocates nothing.
 *
 * <p>Rates where one is an integer multiple of the other are supported (8000, 16000 and
 * 48000 Hz in any direction, among others). The low-pass filter keeps 7/16 of the lower rate
 * (3.5 kHz of 8 kHz, 7 kHz of 16 kHz) and removes what would alias or image, see
 * {@link LowPassDesign}.
 */
public sealed interface Resampler permits PassThrough, Interpolator, Decimator {

  /** A resampler for one stream from {@code inputRate} to {@code outputRate}. */
  static Resampler between(int inputRate, int outputRate) {
    if (inputRate <= 0 || outputRate <= 0
        || PcmFrame.samplesPerFrame(inputRate) > PcmFrame.MAX_SAMPLES
        || PcmFrame.samplesPerFrame(outputRate) > PcmFrame.MAX_SAMPLES) {
      throw new IllegalArgumentException(
          "cannot resample " + inputRate + " Hz to " + outputRate + " Hz: rates must be within 1.."
              + PcmFrame.MAX_SAMPLES * 1000 / PcmFrame.DURATION_MS + " Hz");
    }
    if (inputRate == outputRate) {
      return new PassThrough(inputRate);
    }
    int high = Math.max(inputRate, outputRate);
    int low = Math.min(inputRate, outputRate);
    if (high % low != 0 || PcmFrame.samplesPerFrame(low) * (1000 / PcmFrame.DURATION_MS) != low) {
      throw new IllegalArgumentException(
          "cannot resample " + inputRate + " Hz to " + outputRate
              + " Hz: one rate must be a whole multiple of the other, with whole 20 ms frames");
    }
    return inputRate < outputRate
        ? new Interpolator(inputRate, high / low)
        : new Decimator(inputRate, high / low);
  }

  int inputRate();

  int outputRate();

  /**
   * Converts the next frame of the stream. {@code in} must be at {@link #inputRate()};
   * {@code out} (a different frame) is set to {@link #outputRate()} and filled.
   */
  void process(PcmFrame in, PcmFrame out);

  /** Delay the filter adds, in samples at the output rate. */
  int delaySamples();

  /** Forgets the stream's history, as for a new stream. */
  void reset();

  /** Common argument checks for {@link #process}. */
  static void check(Resampler resampler, PcmFrame in, PcmFrame out) {
    if (in.sampleRate() != resampler.inputRate()) {
      throw new IllegalArgumentException(
          "frame at " + in.sampleRate() + " Hz given to a resampler from " + resampler.inputRate() + " Hz");
    }
    if (in == out) {
      throw new IllegalArgumentException("resampling needs distinct input and output frames");
    }
  }
}
