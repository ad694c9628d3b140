package io.switchboard.media.resample;

import io.switchboard.media.audio.PcmFrame;

/** Nearest-sample rate conversion: a stopgap until the filtered polyphase resampler lands (aliases!). */
public final class Resampler {
  private final int to;

  public Resampler(int from, int to) {
    this.to = to;
  }

  public void process(PcmFrame in, PcmFrame out) {
    out.setSampleRate(to);
    int n = out.length();
    int m = in.length();
    for (int i = 0; i < n; i++) {
      out.samples()[i] = in.samples()[(int) ((long) i * m / n)];
    }
  }
}
