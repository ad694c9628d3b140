package io.switchboard.sip.outbound;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;

/**
 * The North American ringback tone (ATIS-0300011: 440 Hz + 480 Hz, 2 s on, 4 s off) at 8 kHz,
 * played into the room while an outbound call rings ({@code play_dialtone}). One 6 s cycle is
 * rendered once per call; reads copy from it, allocating nothing.
 */
final class RingbackTone implements AudioSource {
  static final int RATE = 8000;
  static final double LOW_HZ = 440;
  static final double HIGH_HZ = 480;
  private static final int ON_SAMPLES = 2 * RATE;
  private static final int CYCLE_SAMPLES = 6 * RATE;
  /** Each tone at -16 dBFS, -10 dBFS together at their peaks. */
  private static final double AMPLITUDE = 0.158 * Short.MAX_VALUE;

  private final short[] cycle = render();
  private int position;

  @Override
  public int sampleRate() {
    return RATE;
  }

  @Override
  public boolean read(PcmFrame into) {
    into.setSampleRate(RATE);
    short[] out = into.samples();
    int length = into.length();
    for (int i = 0; i < length; i++) {
      out[i] = cycle[position];
      position = position + 1 == CYCLE_SAMPLES ? 0 : position + 1;
    }
    return true;
  }

  private static short[] render() {
    short[] samples = new short[CYCLE_SAMPLES];
    int fade = RATE / 200; // 5 ms ramps so the cadence does not click
    for (int i = 0; i < ON_SAMPLES; i++) {
      double t = (double) i / RATE;
      double envelope = Math.min(1.0, Math.min(i, ON_SAMPLES - 1 - i) / (double) fade);
      double v = Math.sin(2 * Math.PI * LOW_HZ * t) + Math.sin(2 * Math.PI * HIGH_HZ * t);
      samples[i] = (short) Math.round(AMPLITUDE * envelope * v);
    }
    return samples;
  }
}
