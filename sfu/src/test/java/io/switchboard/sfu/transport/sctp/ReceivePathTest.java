package io.switchboard.sfu.transport.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TSN tracking, reassembly and RTO arithmetic on their own. */
class ReceivePathTest {
  private final List<String> delivered = new ArrayList<>();
  private final Reassembler reassembler = new Reassembler(
      (stream, ppid, payload) -> delivered.add(stream + ":" + new String(payload)), 8, 100);

  private void chunk(long tsn, int stream, int ssn, int flags, String data) {
    byte[] b = data.getBytes();
    reassembler.chunk(tsn, stream, ssn, 51, flags, b, 0, b.length);
  }

  private static final int B = ChunkType.FLAG_BEGIN;
  private static final int E = ChunkType.FLAG_END;
  private static final int U = ChunkType.FLAG_UNORDERED;

  @Test
  void tsnsWrapAround() {
    InboundTsns in = new InboundTsns(64);
    in.reset(-2); // 0xfffffffe
    assertEquals(InboundTsns.Verdict.NEW, in.receive(0)); // after 0xffffffff: a gap
    assertEquals(-3, in.cumulativeTsn());
    assertEquals(InboundTsns.Verdict.NEW, in.receive(-2));
    assertEquals(InboundTsns.Verdict.NEW, in.receive(-1));
    assertEquals(0, in.cumulativeTsn(), "the cumulative TSN passed the wrap");
    assertEquals(InboundTsns.Verdict.DUPLICATE, in.receive(-1));
    assertEquals(InboundTsns.Verdict.BEYOND_WINDOW, in.receive(64 + 1));
    assertTrue(in.forwardTo(10));
    assertEquals(10, in.cumulativeTsn());
    assertFalse(in.forwardTo(5), "a FORWARD TSN behind us changes nothing");
  }

  @Test
  void fragmentsInAnyOrderJoin() {
    chunk(12, 1, 0, E, "c");
    chunk(10, 1, 0, B, "a");
    assertEquals(List.of(), delivered);
    chunk(11, 1, 0, 0, "b");
    assertEquals(List.of("1:abc"), delivered);
    assertEquals(0, reassembler.bufferedBytes());
  }

  @Test
  void inOrderFragmentsJoinAndAGapMidMessageStillJoins() {
    chunk(20, 1, 0, B, "ab");
    chunk(21, 1, 0, 0, "cd");
    assertEquals(4, reassembler.bufferedBytes());
    chunk(22, 1, 0, E, "ef");
    assertEquals(List.of("1:abcdef"), delivered);
    chunk(23, 1, 1, B, "gh");
    chunk(25, 1, 1, E, "kl"); // 24 is late: what was gathered moves aside
    chunk(24, 1, 1, 0, "ij");
    assertEquals(List.of("1:abcdef", "1:ghijkl"), delivered);
    assertEquals(0, reassembler.bufferedBytes());
  }

  @Test
  void forwardTsnDropsAMessageBeingGathered() {
    chunk(30, 2, 0, B, "part");
    reassembler.forward(31, new int[] {2}, new int[] {0}, 1);
    assertEquals(0, reassembler.bufferedBytes());
    chunk(32, 2, 1, B | E, "next");
    assertEquals(List.of("2:next"), delivered);
  }

  @Test
  void orderedWaitsForItsTurnUnorderedDoesNot() {
    chunk(2, 3, 1, B | E, "second");
    chunk(3, 3, 0, B | E | U, "urgent");
    assertEquals(List.of("3:urgent"), delivered);
    chunk(1, 3, 0, B | E, "first");
    assertEquals(List.of("3:urgent", "3:first", "3:second"), delivered);
  }

  @Test
  void forwardTsnSkipsAnAbandonedOrderedMessage() {
    chunk(5, 2, 0, B, "lost-");
    chunk(8, 2, 2, B | E, "after");
    reassembler.forward(7, new int[] {2}, new int[] {1}, 1); // SSNs 0 and 1 abandoned
    assertEquals(List.of("2:after"), delivered);
    assertEquals(0, reassembler.bufferedBytes(), "the partial message was dropped");
  }

  @Test
  void oversizedMessagesAreDroppedAndTheStreamGoesOn() {
    String half = "x".repeat(60);
    chunk(1, 4, 0, B, half);
    chunk(2, 4, 0, E, half);
    chunk(3, 4, 1, B | E, "next");
    assertEquals(List.of("4:next"), delivered);
    assertEquals(1, reassembler.oversizedDropped());
  }

  @Test
  void rtoFollowsRfc9260Section631() {
    RtoEstimator rto = new RtoEstimator(1000, 200, 60_000);
    assertEquals(1000, rto.rto());
    rto.sample(100); // SRTT 100, RTTVAR 50, RTO 300
    assertEquals(300, rto.rto());
    rto.sample(200); // RTTVAR 3/4*50 + 1/4*100 = 62, SRTT 7/8*100 + 1/8*200 = 112, RTO 360
    assertEquals(112, rto.srtt());
    assertEquals(360, rto.rto());
    rto.backOff();
    assertEquals(720, rto.rto());
    rto.sample(1);
    assertTrue(rto.rto() >= 200, "never below the minimum");
  }
}
