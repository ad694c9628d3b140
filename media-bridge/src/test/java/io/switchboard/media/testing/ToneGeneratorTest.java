package io.switchboard.media.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.media.audio.PcmFrame;
import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

  @Test
  void framesFilledOneAfterAnotherEqualOneContinuousTone() {
    ToneGenerator generator = new ToneGenerator(1000, 8000, 8000);
    PcmFrame frame = new PcmFrame(8000);
    PcmRecorder recorder = new PcmRecorder(8000);
    for (int i = 0; i < 10; i++) {
      generator.read(frame);
      recorder.write(frame);
    }
    assertArrayEquals(ToneGenerator.tone(1000, 8000, 8000, 1600), recorder.samples());
  }

  @Test
  void quarterRateToneHitsItsPeaksExactly() {
    // 2 kHz at 8 kHz: samples are sin(k * pi / 2) = 0, A, 0, -A, ...
    short[] tone = ToneGenerator.tone(2000, 1000, 8000, 8);
    assertArrayEquals(new short[] {0, 1000, 0, -1000, 0, 1000, 0, -1000}, tone);
  }

  @Test
  void fillingSetsTheFrameRate() {
    PcmFrame frame = new PcmFrame(8000);
    new ToneGenerator(440, 1000, 48000).fill(frame);
    assertEquals(48000, frame.sampleRate());
    assertEquals(960, frame.length());
  }

  @Test
  void rejectsFrequenciesAtOrAboveNyquist() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(4000, 1000, 8000));
    assertEquals("tone frequency 4000.0 Hz is not below the Nyquist frequency of 8000 Hz", e.getMessage());
  }
}
