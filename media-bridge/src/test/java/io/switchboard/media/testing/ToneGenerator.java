package io.switchboard.media.testing;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;

/**
 * A sine tone at a fixed frequency and amplitude, phase-continuous across calls, so frames
 * filled one after another join without a step.
 */
public final class ToneGenerator implements AudioSource {
  private final double frequency;
  private final double amplitude;
  private final int sampleRate;
  private final double phaseStep;
  private double phase;

  /**
   * @param frequency in Hz, below the Nyquist frequency of {@code sampleRate}
   * @param amplitude peak amplitude in 16-bit units (0..32767)
   * @param sampleRate in Hz
   */
  public ToneGenerator(double frequency, double amplitude, int sampleRate) {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
    }
    if (frequency < 0 || frequency >= sampleRate / 2.0) {
      throw new IllegalArgumentException(
          "tone frequency " + frequency + " Hz is not below the Nyquist frequency of " + sampleRate + " Hz");
    }
    if (amplitude < 0 || amplitude > Short.MAX_VALUE) {
      throw new IllegalArgumentException("amplitude must be within 0..32767: " + amplitude);
    }
    this.frequency = frequency;
    this.amplitude = amplitude;
    this.sampleRate = sampleRate;
    this.phaseStep = 2 * Math.PI * frequency / sampleRate;
  }

  /** A whole tone of {@code count} samples, starting at phase 0. */
  public static short[] tone(double frequency, double amplitude, int sampleRate, int count) {
    short[] samples = new short[count];
    new ToneGenerator(frequency, amplitude, sampleRate).fill(samples, 0, count);
    return samples;
  }

  public double frequency() {
    return frequency;
  }

  public double amplitude() {
    return amplitude;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /** Writes the next {@code length} samples of the tone. */
  public void fill(short[] into, int offset, int length) {
    for (int i = 0; i < length; i++) {
      into[offset + i] = (short) Math.round(amplitude * Math.sin(phase));
      phase += phaseStep;
      if (phase >= 2 * Math.PI) {
        phase -= 2 * Math.PI;
      }
    }
  }

  /** Sets {@code frame} to this tone's rate and fills it with the next 20 ms. */
  public void fill(PcmFrame frame) {
    frame.setSampleRate(sampleRate);
    fill(frame.samples(), 0, frame.length());
  }

  @Override
  public boolean read(PcmFrame into) {
    fill(into);
    return true;
  }
}
