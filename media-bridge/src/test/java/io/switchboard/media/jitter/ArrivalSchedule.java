package io.switchboard.media.jitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * Test driver: plays an explicit arrival schedule against a buffer, one 20 ms tick at a time.
 * The schedule is written as groups separated by {@code |}; group {@code i} lists the sequence
 * numbers arriving during tick {@code i} (at {@code i * 20} ms, before that tick's pop); {@code -}
 * is an empty tick. Packet {@code n} has timestamp {@code n * 160} and a payload whose first
 * byte is {@code n}. The result lists one token per tick: the sequence number played, {@code L}
 * (lost, conceal) or {@code E} (empty).
 */
final class ArrivalSchedule {
  static final int SSRC = 0xCAFE;

  private final JitterBuffer buffer;
  private long tick;
  private final List<JitterBuffer.InsertResult> insertResults = new ArrayList<>();

  ArrivalSchedule(JitterBuffer buffer) {
    this.buffer = buffer;
  }

  /** Runs the schedule; returns the tokens popped, space separated. */
  String run(String schedule) {
    List<String> out = new ArrayList<>();
    for (String group : schedule.split("\\|")) {
      for (String token : group.trim().split("\\s+")) {
        if (!token.isEmpty() && !token.equals("-")) {
          int seq = Integer.parseInt(token);
          arrive(seq, seq * 160);
        }
      }
      out.add(pop());
    }
    return String.join(" ", out);
  }

  /** Runs {@code ticks} ticks where a packet arrives every tick, starting at {@code firstSeq}. */
  String steady(int firstSeq, int ticks) {
    StringBuilder schedule = new StringBuilder();
    for (int i = 0; i < ticks; i++) {
      schedule.append(i == 0 ? "" : "|").append(firstSeq + i);
    }
    return run(schedule.toString());
  }

  JitterBuffer.InsertResult arrive(int seq, int timestamp) {
    return arrive(SSRC, seq, timestamp);
  }

  JitterBuffer.InsertResult arrive(int ssrc, int seq, int timestamp) {
    byte[] payload = {(byte) seq, 1, 2, 3};
    var result = buffer.insert(ssrc, seq & 0xFFFF, timestamp, payload, 0, payload.length, tick * 20);
    insertResults.add(result);
    return result;
  }

  String pop() {
    tick++;
    return switch (buffer.pop()) {
      case FRAME -> {
        int seq = buffer.sequenceNumber();
        if (buffer.payloadLength() > 0) {
          assertEquals((byte) seq, buffer.payload()[buffer.payloadOffset()], "payload of " + seq);
        }
        yield Integer.toString(seq);
      }
      case LOST -> "L";
      case EMPTY -> "E";
    };
  }

  /** Ticks elapsed so far. */
  long ticks() {
    return tick;
  }

  List<JitterBuffer.InsertResult> insertResults() {
    return insertResults;
  }
}
