package io.switchboard.agent.e2e;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;

/** A caller's microphone in tests: plays queued clips frame by frame, silence in between. */
final class ClipSource implements AudioSource {
  private final int sampleRate;
  private final java.util.Random noise;
  private final double noiseSigma;
  private short[] clip = new short[0];
  private int position;

  ClipSource(int sampleRate) {
    this(sampleRate, 0, 0);
  }

  /** A line with white noise of standard deviation {@code noiseSigma} (16-bit units) throughout. */
  ClipSource(int sampleRate, double noiseSigma, long seed) {
    this.sampleRate = sampleRate;
    this.noiseSigma = noiseSigma;
    this.noise = new java.util.Random(seed);
  }

  synchronized void play(short[] samples) {
    clip = samples.clone();
    position = 0;
  }

  synchronized boolean playing() {
    return position < clip.length;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public synchronized boolean read(PcmFrame into) {
    into.setSampleRate(sampleRate);
    int n = into.length();
    short[] out = into.samples();
    java.util.Arrays.fill(out, 0, n, (short) 0);
    int count = Math.min(n, clip.length - position);
    if (count > 0) {
      System.arraycopy(clip, position, out, 0, count);
      position += count;
    }
    if (noiseSigma > 0) {
      for (int i = 0; i < n; i++) {
        out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, out[i] + noise.nextGaussian() * noiseSigma));
      }
    }
    return true;
  }
}
