package io.switchboard.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamStatsTest {
  private static final long FRAME_NANOS = 20_000_000;

  @Test
  void countsLossAcrossTheSequenceWrap() {
    StreamStats s = new StreamStats();
    int seq = 65_530;
    for (int i = 0; i < 20; i++) {
      if (i != 3 && i != 11) { // two packets lost, the second after the wrap
        s.onPacket((seq + i) & 0xFFFF, i * 160, i * FRAME_NANOS);
      }
    }
    assertEquals(20, s.expected());
    assertEquals(18, s.received);
    assertEquals(2, s.lost());
    assertEquals(0, s.framesNotSent(), "lost packets were sent");
  }

  @Test
  void aSkippedTickShowsAsAFrameNotSentAndA20msStep() {
    StreamStats s = new StreamStats();
    for (int i = 0; i < 100; i++) {
      long slot = i < 50 ? i : i + 1; // the sender skipped the tick after packet 49
      s.onPacket(i, i * 160, slot * FRAME_NANOS);
    }
    assertEquals(0, s.lost());
    assertEquals(1, s.framesNotSent());
    int base = StreamStats.PDV_RANGE_MICROS / StreamStats.PDV_BIN_MICROS;
    assertEquals(50, s.pdv[base]);
    assertEquals(50, s.pdv[base + 20_000 / StreamStats.PDV_BIN_MICROS]);
  }

  @Test
  void perfectlyPacedStreamHasNoJitterAndNoDelayVariation() {
    StreamStats s = new StreamStats();
    for (int i = 0; i < 500; i++) {
      s.onPacket(i, 1000 + i * 160, 5_000_000_000L + i * FRAME_NANOS);
    }
    assertEquals(0, s.jitterMicros, 1e-6);
    assertEquals(500, s.pdv[StreamStats.PDV_RANGE_MICROS / StreamStats.PDV_BIN_MICROS]);
    assertEquals(20_000_000, s.maxGapNanos);
  }

  @Test
  void jitterConvergesToTheMeanTransitDifference() {
    // Every other packet 4 ms late: |D| is 4 ms each time, so J tends to 4 ms (RFC 3550 §A.8).
    StreamStats s = new StreamStats();
    for (int i = 0; i < 1000; i++) {
      s.onPacket(i, i * 160, i * FRAME_NANOS + (i % 2) * 4_000_000L);
    }
    assertEquals(4000, s.jitterMicros, 1);
  }
}
