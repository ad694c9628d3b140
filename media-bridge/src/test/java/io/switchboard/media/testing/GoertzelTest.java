package io.switchboard.media.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoertzelTest {
  private static final int RATE = 8000;
  private static final int BLOCK = 400; // 50 ms

  @Test
  void distinguishes440From880() {
    short[] a440 = ToneGenerator.tone(440, 10000, RATE, BLOCK);
    short[] a880 = ToneGenerator.tone(880, 10000, RATE, BLOCK);
    assertEquals(440, Goertzel.dominant(a440, 0, BLOCK, RATE, 440, 880));
    assertEquals(880, Goertzel.dominant(a880, 0, BLOCK, RATE, 440, 880));
    assertTrue(Goertzel.relativeDb(a440, 0, BLOCK, RATE, 880) < -60, "880 Hz must be absent from 440 Hz");
  }

  @Test
  void measuresTheAmplitudeOfATone() {
    short[] tone = ToneGenerator.tone(1000, 12000, RATE, BLOCK);
    assertEquals(12000, Goertzel.amplitude(tone, 0, BLOCK, RATE, 1000), 12000 * 0.01);
    assertEquals(0, Goertzel.relativeDb(tone, 0, BLOCK, RATE, 1000), 0.1);
  }

  @Test
  void measuresEachToneOfAMixture() {
    short[] low = ToneGenerator.tone(697, 5000, RATE, BLOCK);
    short[] high = ToneGenerator.tone(1209, 2500, RATE, BLOCK);
    short[] mix = new short[BLOCK];
    for (int i = 0; i < BLOCK; i++) {
      mix[i] = (short) (low[i] + high[i]);
    }
    assertEquals(5000, Goertzel.amplitude(mix, 0, BLOCK, RATE, 697), 50);
    assertEquals(2500, Goertzel.amplitude(mix, 0, BLOCK, RATE, 1209), 25);
    assertTrue(Goertzel.amplitude(mix, 0, BLOCK, RATE, 941) < 25, "941 Hz is not in the mixture");
  }

  @Test
  void silenceHasNoLevel() {
    assertEquals(Double.NEGATIVE_INFINITY, Goertzel.relativeDb(new short[BLOCK], 0, BLOCK, RATE, 440));
  }

  @Test
  void rejectsABlockOutsideTheArray() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Goertzel.power(new short[10], 5, 10, RATE, 440));
    assertEquals("block [5, 15) is not within 10 samples", e.getMessage());
  }
}
