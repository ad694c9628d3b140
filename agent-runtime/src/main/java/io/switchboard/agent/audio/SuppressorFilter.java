package io.switchboard.agent.audio;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.resample.Resampler;

/**
 * A {@link NoiseSuppressor} stream at 48 kHz as an {@link AudioFilter} for a phone leg at 8, 16 or
 * 48 kHz: a 20 ms frame is converted up once, cleaned, and converted back in place. The
 * suppressor's own state (RNNoise's WebAssembly instance) is made once, when the filter is made;
 * a change of the leg's rate only makes new converters. Buffers are reused: nothing is allocated
 * per frame.
 */
public final class SuppressorFilter implements AudioFilter {
  /** The rate the suppressor runs at: RNNoise's. */
  public static final int WIDE_RATE = 48_000;

  private final NoiseSuppressor.Stream wideband;
  private final PcmFrame wide = new PcmFrame(WIDE_RATE);
  private int legRate;
  private Resampler up;
  private Resampler down;

  /** @param suppressor opened here at {@link #WIDE_RATE} */
  public SuppressorFilter(NoiseSuppressor suppressor) {
    this.wideband = suppressor.open(WIDE_RATE);
  }

  @Override
  public void process(PcmFrame frame) {
    int rate = frame.sampleRate();
    if (rate == WIDE_RATE) {
      wideband.process(frame);
      return;
    }
    if (rate != legRate) {
      if (WIDE_RATE % rate != 0) {
        throw new IllegalArgumentException(
            "noise suppression takes 8000, 16000 or 48000 Hz frames, not " + rate + " Hz");
      }
      legRate = rate;
      up = Resampler.between(rate, WIDE_RATE);
      down = Resampler.between(WIDE_RATE, rate);
    }
    up.process(frame, wide);
    wideband.process(wide);
    down.process(wide, frame);
  }
}
