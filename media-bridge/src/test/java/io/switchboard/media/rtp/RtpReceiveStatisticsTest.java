package io.switchboard.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpReceiveStatisticsTest {
  private static final int SSRC = 0x1234;
  private final RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, 8000);

  /** Feeds a packet that was sent at {@code seq * 20 ms} and arrives {@code extraMillis} late. */
  private SequenceStatus feed(int seq, long extraMillis) {
    return stats.onPacket(seq & 0xFFFF, seq * 160, seq * 20L + extraMillis);
  }

  @Test
  void firstPacketIsProbationThenCountingStarts() {
    assertEquals(SequenceStatus.PROBATION, feed(100, 0));
    assertEquals(SequenceStatus.VALID, feed(101, 0));
    for (int seq = 102; seq < 200; seq++) {
      assertEquals(SequenceStatus.VALID, feed(seq, 0));
    }
    assertEquals(99, stats.received());
    assertEquals(99, stats.expected());
    assertEquals(0, stats.cumulativeLost());
    assertEquals(0, stats.jitter());
  }

  @Test
  void sequenceWrapExtendsTheHighestSequence() {
    for (int seq = 65530; seq < 65536 + 10; seq++) {
      feed(seq, 0);
    }
    assertEquals(65536 + 9, stats.extendedHighestSequence());
    assertEquals(15, stats.expected());
    assertEquals(0, stats.cumulativeLost());
  }

  @Test
  void lossAndFractionLostPerInterval() {
    for (int seq = 0; seq <= 100; seq++) {
      if (seq != 10 && seq != 11 && seq != 50) {
        feed(seq, 0);
      }
    }
    // Probation consumed seq 0; counting starts at 1, so 100 expected, 97 received.
    RtcpReportBlock first = stats.reportBlock(0, 0);
    assertEquals(3, first.cumulativeLost());
    assertEquals(3 * 256 / 100, first.fractionLost());
    assertEquals(100, first.extendedHighestSequence());
    assertEquals(SSRC, first.ssrc());

    for (int seq = 101; seq <= 201; seq++) {
      if (seq % 10 != 0) {
        feed(seq, 0);
      }
    }
    RtcpReportBlock second = stats.reportBlock(0x11112222L, 65536);
    assertEquals(13, second.cumulativeLost());
    // 101 expected this interval (101..201), 10 of them lost.
    assertEquals(10 * 256 / 101, second.fractionLost(), "only this interval's losses");
    assertEquals(0x11112222L, second.lastSenderReport());
    assertEquals(65536, second.delaySinceLastSenderReport());
  }

  @Test
  void duplicatesMakeCumulativeLossNegativeAndFractionZero() {
    for (int seq = 0; seq <= 10; seq++) {
      feed(seq, 0);
      if (seq > 5) {
        feed(seq, 0);
      }
    }
    RtcpReportBlock block = stats.reportBlock(0, 0);
    assertEquals(-5, block.cumulativeLost());
    assertEquals(0, block.fractionLost());
  }

  @Test
  void largeJumpIsIgnoredOnceThenAcceptedAsRestart() {
    for (int seq = 0; seq < 10; seq++) {
      feed(seq, 0);
    }
    assertEquals(SequenceStatus.BAD_SEQUENCE, stats.onPacket(40_000, 0, 500));
    assertEquals(SequenceStatus.RESTARTED, stats.onPacket(40_001, 160, 520));
    assertEquals(SequenceStatus.VALID, stats.onPacket(40_002, 320, 540));
    assertEquals(40_002, stats.extendedHighestSequence());
    assertEquals(2, stats.received());
    assertEquals(0, stats.cumulativeLost());
  }

  @Test
  void reorderedPacketWithinToleranceIsCountedWithoutMovingTheMaximum() {
    feed(0, 0);
    feed(1, 0);
    feed(3, 0);
    assertEquals(SequenceStatus.VALID, feed(2, 25));
    assertEquals(3, stats.extendedHighestSequence());
    assertEquals(0, stats.cumulativeLost());
  }

  @Test
  void jitterConvergesToTheTransitVariation() {
    // Arrivals alternate between on time and 10 ms late: |D| = 80 timestamp units every packet,
    // so J -> 80 (§A.8: J += (|D| - J) / 16).
    for (int seq = 0; seq < 400; seq++) {
      feed(seq, seq % 2 == 0 ? 0 : 10);
    }
    assertTrue(stats.jitter() >= 75 && stats.jitter() <= 80, "jitter " + stats.jitter());
    assertEquals(10.0, stats.jitterMillis(), 0.7);
  }

  @Test
  void constantNetworkDelayIsNotJitter() {
    for (int seq = 0; seq < 100; seq++) {
      feed(seq, 137);
    }
    assertEquals(0, stats.jitter());
  }
}
