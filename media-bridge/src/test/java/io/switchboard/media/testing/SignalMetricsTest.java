package io.switchboard.media.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignalMetricsTest {

  @Test
  void findsTheDelayOfAShiftedCopy() {
    short[] reference = ToneGenerator.tone(300, 8000, 8000, 800);
    for (int i = 0; i < reference.length; i += 37) {
      reference[i] += 2000; // break the periodicity so only one lag matches
    }
    short[] delayed = new short[900];
    System.arraycopy(reference, 0, delayed, 23, 800);
    assertEquals(23, SignalMetrics.delay(reference, 0, delayed, 600, 50));
    assertEquals(Double.POSITIVE_INFINITY, SignalMetrics.snrDb(reference, 0, delayed, 23, 800));
  }

  @Test
  void snrOfAKnownErrorIsExact() {
    short[] reference = {1000, -1000, 1000, -1000};
    short[] test = {1010, -990, 1010, -990}; // error 10 everywhere: SNR = 20 log10(1000/10) = 40 dB
    assertEquals(40, SignalMetrics.snrDb(reference, 0, test, 0, 4), 1e-9);
  }

  @Test
  void rmsAndStepOfASquareWave() {
    short[] square = {100, -100, 100, -100};
    assertEquals(100, SignalMetrics.rms(square, 0, 4), 1e-9);
    assertEquals(200, SignalMetrics.maxStep(square, 0, 4));
    assertEquals(100, SignalMetrics.peak(square, 0, 4));
  }

  @Test
  void assertionsReportWhatWasHeard() {
    short[] tone = ToneGenerator.tone(880, 8000, 8000, 400);
    SignalAssert.assertTone(tone, 0, 400, 8000, 880, -1, 440);
    AssertionError e = assertThrows(AssertionError.class,
        () -> SignalAssert.assertTone(tone, 0, 400, 8000, 440, -1, 880));
    assertEquals(true, e.getMessage().startsWith("expected a 440 Hz tone carrying >= -1.0 dB of the power, but 880 Hz dominates"),
        e.getMessage());
    assertThrows(AssertionError.class, () -> SignalAssert.assertQuiet(tone, 0, 400, 10));
  }
}
