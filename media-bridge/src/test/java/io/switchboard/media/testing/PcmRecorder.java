package io.switchboard.media.testing;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import java.util.Arrays;

/** An {@link AudioSink} that keeps everything written to it, for inspection in tests. */
public final class PcmRecorder implements AudioSink {
  private final int sampleRate;
  private short[] samples = new short[4096];
  private int length;

  public PcmRecorder(int sampleRate) {
    this.sampleRate = sampleRate;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public void write(PcmFrame frame) {
    if (frame.sampleRate() != sampleRate) {
      throw new IllegalArgumentException(
          "frame at " + frame.sampleRate() + " Hz written to a recorder at " + sampleRate + " Hz");
    }
    append(frame.samples(), 0, frame.length());
  }

  public void append(short[] from, int offset, int count) {
    if (length + count > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, length + count));
    }
    System.arraycopy(from, offset, samples, length, count);
    length += count;
  }

  /** A copy of everything recorded so far. */
  public short[] samples() {
    return Arrays.copyOf(samples, length);
  }

  public int length() {
    return length;
  }

  public WavFile toWav() {
    return WavFile.mono(sampleRate, samples());
  }
}
