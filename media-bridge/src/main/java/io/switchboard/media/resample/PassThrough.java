package io.switchboard.media.resample;

import io.switchboard.media.audio.PcmFrame;

/** Equal rates: frames are copied unchanged. */
final class PassThrough implements Resampler {
  private final int rate;

  PassThrough(int rate) {
    this.rate = rate;
  }

  @Override
  public int inputRate() {
    return rate;
  }

  @Override
  public int outputRate() {
    return rate;
  }

  @Override
  public void process(PcmFrame in, PcmFrame out) {
    Resampler.check(this, in, out);
    out.copyFrom(in);
  }

  @Override
  public int delaySamples() {
    return 0;
  }

  @Override
  public void reset() {}
}
