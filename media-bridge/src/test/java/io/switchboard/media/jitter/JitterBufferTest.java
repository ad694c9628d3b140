package io.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitterBufferTest {
  private JitterBuffer buffer = new JitterBuffer(JitterBufferConfig.defaults(8000));
  private ArrivalSchedule schedule = new ArrivalSchedule(buffer);

  private void fixedDelay(int millis) {
    Duration d = Duration.ofMillis(millis);
    buffer = new JitterBuffer(JitterBufferConfig.defaults(8000).withDelays(d, d));
    schedule = new ArrivalSchedule(buffer);
  }

  @Test
  void inOrderStreamPlaysAtTheMinimumDelay() {
    assertEquals("0 1 2 3 4", schedule.run("0|1|2|3|4"));
    JitterStats stats = buffer.stats();
    assertEquals(5, stats.received());
    assertEquals(0, stats.lost() + stats.concealed() + stats.late() + stats.duplicate());
    assertEquals(20, stats.targetDelayMillis());
    assertEquals(20, stats.currentDelayMillis());
  }

  @Test
  void emptyBeforeTheFirstPacket() {
    assertEquals("E E 0 1", schedule.run("-|-|0|1"));
  }

  @Test
  void fixedDelayRestoresOrder() {
    fixedDelay(60);
    assertEquals("E E 0 1 2 3 4 5 L", schedule.run("0|2|1|3|4|5|-|-|-"));
    assertEquals(0, buffer.stats().lost());
    assertEquals(60, buffer.stats().targetDelayMillis());
  }

  @Test
  void reorderingBeforePlayoutStartsIsAccepted() {
    fixedDelay(40);
    assertEquals("E 0 1 2", schedule.run("1|0|2|3"));
  }

  @Test
  void missingPacketIsLostAtItsPlayoutTime() {
    assertEquals("0 1 L 3 4", schedule.run("0|1|-|3|4"));
    JitterStats stats = buffer.stats();
    assertEquals(1, stats.lost());
    assertEquals(1, stats.concealed());
    assertEquals(20, stats.currentDelayMillis(), "the gap must not add delay");
  }

  @Test
  void packetArrivingAfterItsTurnIsLate() {
    assertEquals("0 1 L 3 4", schedule.run("0|1|-|3|2 4"));
    assertEquals(JitterBuffer.InsertResult.LATE, schedule.insertResults().get(3));
    JitterStats stats = buffer.stats();
    assertEquals(1, stats.late());
    assertEquals(1, stats.lost());
  }

  @Test
  void slightlyLatePacketIsStillPlayed() {
    assertEquals("0 1 L 2 3 4", schedule.run("0|1|-|3 2|4|-"));
    assertEquals(0, buffer.stats().lost());
    assertEquals(0, buffer.stats().late());
  }

  @Test
  void duplicatesAreDropped() {
    fixedDelay(40);
    assertEquals("E 0 1 2", schedule.run("0|1 1 0|2 0|3"));
    assertEquals(JitterBuffer.InsertResult.DUPLICATE, schedule.insertResults().get(2));
    assertEquals(JitterBuffer.InsertResult.DUPLICATE, schedule.insertResults().get(3));
    assertEquals(JitterBuffer.InsertResult.LATE, schedule.insertResults().get(5), "0 already played");
    assertEquals(2, buffer.stats().duplicate());
  }

  @Test
  void burstyArrivalsRaiseTheTargetUntilNothingIsConcealed() {
    // Three packets every 60 ms: the first of each burst is 40 ms late.
    String bursts = burstSchedule(0, 150, 3);
    schedule.run(bursts);
    assertEquals(60, buffer.stats().targetDelayMillis());
    long concealedBefore = buffer.stats().concealed();
    String tail = schedule.run(burstSchedule(150, 150, 3));
    assertFalse(tail.contains("L"), tail);
    assertEquals(concealedBefore, buffer.stats().concealed());
    assertEquals(0, buffer.stats().lost());
  }

  @Test
  void calmNetworkBringsTheDelayBackDown() {
    schedule.run(burstSchedule(0, 300, 3));
    int deepDelay = buffer.stats().currentDelayMillis();
    assertTrue(deepDelay >= 60, "delay under jitter " + deepDelay);

    String calm = schedule.steady(300, 250); // 5 s of perfectly paced packets
    JitterStats stats = buffer.stats();
    assertEquals(20, stats.targetDelayMillis());
    assertEquals(20, stats.currentDelayMillis());
    assertTrue(stats.discarded() >= 2, "shrinking drops frames: " + stats);
    assertEquals(0, stats.lost());
    assertFalse(calm.contains("L"), "shrinking must not conceal: " + calm);
    assertTrue(calm.endsWith("548 549"), calm);
  }

  @Test
  void targetIsClampedToTheMaximumDelay() {
    schedule.run(burstSchedule(0, 200, 25)); // half-second bursts
    assertEquals(200, buffer.stats().targetDelayMillis());
  }

  @Test
  void floodAfterAStallIsTrimmedToTheMaximumDelay() {
    schedule.run("0|1|2");
    StringBuilder flood = new StringBuilder();
    for (int seq = 3; seq < 23; seq++) {
      flood.append(seq).append(' ');
    }
    String out = schedule.run(flood + "|23|24");
    // 20 packets at once: depth 20 > 10 frames, so the oldest 10 are discarded unplayed.
    assertEquals("13 14 15", out);
    assertEquals(10, buffer.stats().discarded());
  }

  @Test
  void newSsrcStartsOver() {
    schedule.run("0|1|2");
    schedule.arrive(0xBEEF, 7000, 999_000);
    assertEquals("7000", schedule.pop());
    assertEquals(1, buffer.stats().resyncs());
    assertEquals(0, buffer.stats().lost());
  }

  @Test
  void sequenceJumpStartsOver() {
    schedule.run("0|1|2");
    assertEquals("30000 30001", schedule.run("30000|30001"));
    assertEquals(1, buffer.stats().resyncs());
    assertEquals(0, buffer.stats().lost());
  }

  @Test
  void timestampJumpStartsOver() {
    fixedDelay(40);
    schedule.run("0|1|2");
    schedule.arrive(3, 3 * 160 + 80_000); // 10 s ahead of where seq 3 belongs
    assertEquals(1, buffer.stats().resyncs());
    assertEquals("E", schedule.pop(), "rebuffers the new stream");
  }

  @Test
  void talkSpurtAfterSilenceRebuffersWithoutCountingLoss() {
    String first = schedule.run("0|1|2|3|4");
    String silence = schedule.run("-|".repeat(49) + "-");
    assertEquals("0 1 2 3 4", first);
    assertEquals("L ".repeat(10) + "E ".repeat(39) + "E", silence, "conceal 200 ms, then idle");
    // Voice activity detection: sequence numbers continue, the timestamp follows the 1 s pause.
    assertEquals(55, schedule.ticks());
    schedule.arrive(5, 55 * 160);
    assertEquals("5", schedule.pop());
    assertEquals(0, buffer.stats().lost());
    assertEquals(0, buffer.stats().resyncs());
  }

  @Test
  void outageLongerThanTheMaxDelayCountsTheGapAsLostOnce() {
    schedule.run("0|1");
    String outage = schedule.run("-|".repeat(19) + "-"); // seq 2..21 never arrive
    assertEquals("L ".repeat(10) + "E ".repeat(9) + "E", outage);
    assertEquals("22 23", schedule.run("22|23"));
    JitterStats stats = buffer.stats();
    assertEquals(20, stats.lost());
    assertEquals(10, stats.concealed());
    assertEquals(0, stats.resyncs());
  }

  @Test
  void sequenceWrapIsSeamless() {
    for (int seq = 65533; seq < 65536 + 3; seq++) {
      schedule.arrive(seq, seq * 160);
      assertEquals(Integer.toString(seq & 0xFFFF), schedule.pop());
    }
    assertEquals(0, buffer.stats().resyncs());
  }

  /** For Opus FEC: a frame that never arrived exposes the one after it, if that is here. */
  @Test
  void aMissingFrameExposesTheFrameAfterItWhenItIsHere() {
    arrive(10);
    assertEquals(JitterBuffer.PopResult.FRAME, buffer.pop());
    assertFalse(buffer.hasFollowerOfLostFrame(), "10 was played, not lost");
    arrive(11);
    assertEquals(JitterBuffer.PopResult.FRAME, buffer.pop());
    arrive(13); // 12 never comes
    assertEquals(JitterBuffer.PopResult.LOST, buffer.pop());
    assertTrue(buffer.hasFollowerOfLostFrame(), "12 is lost and 13 is here");
    assertEquals(13, buffer.payload()[buffer.followerOffset()]);
    assertEquals(2, buffer.followerLength());
    assertEquals(JitterBuffer.PopResult.FRAME, buffer.pop());
    assertEquals(13, buffer.payload()[buffer.payloadOffset()], "13 still plays on its own tick");
    assertEquals(JitterBuffer.PopResult.LOST, buffer.pop());
    assertFalse(buffer.hasFollowerOfLostFrame(), "an underrun has nothing after it");
  }

  private void arrive(int seq) {
    buffer.insert(1, seq, seq * 160, new byte[] {(byte) seq, 7}, 0, 2, seq * 20L);
  }

  @Test
  void payloadIsCopiedOnInsert() {
    byte[] payload = {42, 43};
    buffer.insert(1, 10, 1600, payload, 0, 2, 0);
    payload[0] = 0;
    assertEquals(JitterBuffer.PopResult.FRAME, buffer.pop());
    assertEquals(42, buffer.payload()[buffer.payloadOffset()]);
    assertEquals(2, buffer.payloadLength());
    assertEquals(1600, buffer.timestamp());
  }

  @Test
  void oversizedPacketIsRejected() {
    byte[] big = new byte[641];
    assertEquals(JitterBuffer.InsertResult.OVERSIZED, buffer.insert(1, 0, 0, big, 0, big.length, 0));
    assertEquals(1, buffer.stats().oversized());
    assertEquals(JitterBuffer.PopResult.EMPTY, buffer.pop());
  }

  @Test
  void silencePlaceholdersKeepTheirPlaceWithoutLoss() {
    assertEquals("0 1", schedule.run("0|1"));
    buffer.insertSilence(ArrivalSchedule.SSRC, 2, 320); // e.g. RFC 4733 packets on the stream
    assertEquals("2", schedule.pop());
    assertEquals(0, buffer.payloadLength());
    buffer.insertSilence(ArrivalSchedule.SSRC, 3, 320);
    assertEquals("3 4", schedule.run("|4"));
    assertEquals(0, buffer.stats().lost());
  }

  /** {@code ticks} ticks from {@code firstSeq} where packets arrive {@code burst} at a time. */
  private static String burstSchedule(int firstSeq, int ticks, int burst) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ticks; i++) {
      if (i > 0) {
        s.append('|');
      }
      if (i % burst == burst - 1) {
        for (int k = burst - 1; k >= 0; k--) {
          s.append(firstSeq + i - k).append(' ');
        }
      }
    }
    return s.toString();
  }
}
