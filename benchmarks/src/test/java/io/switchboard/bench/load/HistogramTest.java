package io.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
  @Test
  void percentilesOfOneToAHundredMilliseconds() {
    Histogram h = new Histogram(10, 1_000_000);
    for (int ms = 1; ms <= 100; ms++) {
      h.add(ms * 1000L);
    }
    assertEquals(50.01, h.percentileMillis(50), 0.001);
    assertEquals(99.01, h.percentileMillis(99), 0.001);
    assertEquals(100, h.percentileMillis(100), 0.001);
    assertEquals(1, h.minMillis(), 0);
    assertEquals(100, h.maxMillis(), 0);
  }

  @Test
  void emptyHistogramHasNoPercentiles() {
    assertTrue(Double.isNaN(new Histogram(10, 1000).percentileMillis(50)));
  }
}
