package io.switchboard.sip.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.PcmFrame;
import org.junit.jupiter.api.Test;

/** The ringing a caller hears while transferred: 425 Hz, 1 s on, 4 s off (ETSI TR 101 041-2). */
class TransferToneTest {
  private static final int RATE = 8000;

  @Test
  void oneSecondOf425HzThenFourSilentSecondsThenAgain() {
    TransferTone tone = new TransferTone(RATE);
    short[] on = collect(tone, 50);
    short[] off = collect(tone, 200);
    short[] again = collect(tone, 50);

    // A 425 Hz sine crosses zero 850 times a second.
    assertEquals(850, zeroCrossings(on), 3);
    assertEquals(850, zeroCrossings(again), 3);
    int peak = 0;
    for (short s : on) {
      peak = Math.max(peak, Math.abs(s));
    }
    assertTrue(Math.abs(peak - 0.25 * Short.MAX_VALUE) < 50, "about -12 dBFS, got " + peak);
    for (short s : off) {
      assertEquals(0, s);
    }
  }

  @Test
  void followsTheLegsRate() {
    TransferTone tone = new TransferTone(RATE);
    PcmFrame wide = tone.next(16000);
    assertEquals(320, wide.length(), "G.722 legs run at 16 kHz: 320 samples per 20 ms");
  }

  private static short[] collect(TransferTone tone, int frames) {
    short[] out = new short[frames * 160];
    for (int i = 0; i < frames; i++) {
      System.arraycopy(tone.next(RATE).samples(), 0, out, i * 160, 160);
    }
    return out;
  }

  private static int zeroCrossings(short[] samples) {
    int crossings = 0;
    for (int i = 1; i < samples.length; i++) {
      if ((samples[i - 1] < 0) != (samples[i] < 0)) {
        crossings++;
      }
    }
    return crossings;
  }
}
