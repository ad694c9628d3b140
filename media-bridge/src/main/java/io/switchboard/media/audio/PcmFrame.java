package io.switchboard.media.audio;

/**
 * One 20 ms frame of mono, signed 16-bit PCM: the unit of audio everywhere in Switchboard.
 *
 * <p>Frames are mutable and reused so the media hot path allocates nothing per packet. A
 * consumer that needs a frame beyond the call that handed it over copies it with
 * {@link #copyFrom(PcmFrame)}.
 */
public final class PcmFrame {
  /** Frame duration in milliseconds. */
  public static final int DURATION_MS = 20;
  /** Samples in one frame at the highest supported rate (48 kHz). */
  public static final int MAX_SAMPLES = 48_000 * DURATION_MS / 1000;

  private final short[] samples = new short[MAX_SAMPLES];
  private int sampleRate;

  public PcmFrame(int sampleRate) {
    setSampleRate(sampleRate);
  }

  /** Samples per 20 ms frame at {@code sampleRate}. */
  public static int samplesPerFrame(int sampleRate) {
    return sampleRate * DURATION_MS / 1000;
  }

  public int sampleRate() {
    return sampleRate;
  }

  /** Changes the rate; the length follows. Contents are not converted. */
  public void setSampleRate(int sampleRate) {
    if (sampleRate <= 0 || samplesPerFrame(sampleRate) > MAX_SAMPLES) {
      throw new IllegalArgumentException("unsupported sample rate " + sampleRate);
    }
    this.sampleRate = sampleRate;
  }

  /** Number of valid samples: always one 20 ms frame at the current rate. */
  public int length() {
    return samplesPerFrame(sampleRate);
  }

  /** The backing array; only the first {@link #length()} samples are valid. */
  public short[] samples() {
    return samples;
  }

  public void silence() {
    java.util.Arrays.fill(samples, 0, length(), (short) 0);
  }

  public void copyFrom(PcmFrame other) {
    this.sampleRate = other.sampleRate;
    System.arraycopy(other.samples, 0, samples, 0, other.length());
  }
}
