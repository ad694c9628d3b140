package io.switchboard.bench.load;

/**
 * The amplitude of one frequency in a 20 ms µ-law frame (Goertzel's algorithm). For a tone at a
 * multiple of 50 Hz, which completes whole cycles in 160 samples, it returns the tone's peak
 * amplitude; other such tones contribute nothing.
 */
final class Goertzel {
  private final double coefficient;

  Goertzel(double frequency, int sampleRate) {
    this.coefficient = 2 * Math.cos(2 * Math.PI * frequency / sampleRate);
  }

  double amplitude(byte[] ulaw, int offset, int length) {
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < length; i++) {
      double s0 = MuLaw.decode(ulaw[offset + i]) + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    return 2 * Math.sqrt(Math.max(0, power)) / length;
  }
}
