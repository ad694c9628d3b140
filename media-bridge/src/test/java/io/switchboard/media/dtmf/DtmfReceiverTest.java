package io.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packet sequences shaped like RFC 4733 §5 examples: 8 kHz clock, 20 ms updates. */
class DtmfReceiverTest {
  private static final int SSRC = 0x5EED;
  private final DtmfReceiver receiver = new DtmfReceiver();
  private final StringBuilder heard = new StringBuilder();

  /** One packet: timestamp, marker, event, end, duration. */
  private record Packet(int ssrc, int timestamp, boolean marker, int event, boolean end, int duration) {
    Packet(int timestamp, boolean marker, int event, boolean end, int duration) {
      this(SSRC, timestamp, marker, event, end, duration);
    }
  }

  /** The full sequence a sender emits for one 100 ms digit starting at {@code ts}. */
  private static List<Packet> digit(int ts, int event) {
    List<Packet> packets = new ArrayList<>();
    packets.add(new Packet(ts, true, event, false, 160));
    for (int d = 320; d < 800; d += 160) {
      packets.add(new Packet(ts, false, event, false, d));
    }
    for (int i = 0; i < 3; i++) {
      packets.add(new Packet(ts, false, event, true, 800));
    }
    return packets;
  }

  private void play(List<Packet> packets) {
    byte[] payload = new byte[4];
    for (Packet p : packets) {
      TelephoneEvent.write(payload, 0, p.event(), p.end(), 10, p.duration());
      DtmfDigit digit = receiver.onPacket(p.ssrc(), p.timestamp(), p.marker(), payload, 0, 4);
      if (digit != null) {
        heard.append(digit.symbol());
      }
    }
  }

  @Test
  void completeSequenceYieldsTheDigitOnce() {
    play(digit(1000, 1));
    assertEquals("1", heard.toString());
  }

  @Test
  void lostMarkerPacketStillYieldsTheDigitOnce() {
    List<Packet> packets = digit(1000, 9);
    packets.removeFirst();
    play(packets);
    assertEquals("9", heard.toString());
  }

  @Test
  void allEndPacketsLostThenSameDigitAgainYieldsTwoDigits() {
    List<Packet> first = digit(1000, 5);
    play(first.subList(0, first.size() - 3));
    play(digit(2600, 5));
    assertEquals("55", heard.toString());
  }

  @Test
  void newEventWithoutPreviousEndIsReported() {
    List<Packet> first = digit(1000, 1);
    play(first.subList(0, 3)); // start and two updates, then the sender moves on
    play(digit(1480, 2));
    assertEquals("12", heard.toString());
  }

  @Test
  void onlyEndPacketsArrivingStillYieldTheDigit() {
    List<Packet> packets = digit(1000, 11);
    play(packets.subList(packets.size() - 3, packets.size()));
    assertEquals("#", heard.toString());
  }

  @Test
  void stragglerEndPacketOfThePreviousEventIsIgnored() {
    play(digit(1000, 3).subList(0, 5));
    play(digit(2000, 4).subList(0, 2));
    play(List.of(new Packet(1000, false, 3, true, 800))); // reordered end of "3"
    play(digit(2000, 4).subList(2, 7));
    assertEquals("34", heard.toString());
  }

  @Test
  void timestampWrapStillCountsAsNewerEvent() {
    play(digit(-800, 7)); // 0xFFFFFCE0
    play(digit(800, 8)); // after the 32-bit wrap
    assertEquals("78", heard.toString());
  }

  @Test
  void newSourceStartsFresh() {
    play(digit(5000, 1));
    play(List.of(new Packet(0x77, 5000, true, 1, false, 160))); // same timestamp, other SSRC
    assertEquals("11", heard.toString());
  }

  @Test
  void nonDtmfEventsAndShortPayloadsAreIgnored() {
    play(digit(1000, 16)); // flash
    byte[] shortPayload = {1, 0, 0};
    assertEquals(null, receiver.onPacket(SSRC, 3000, true, shortPayload, 0, 3));
    play(digit(4000, 0));
    assertEquals("0", heard.toString());
  }

  @Test
  void segmentOfALongEventContinuesIt() {
    play(List.of(new Packet(1000, true, 6, false, 160), new Packet(1000, false, 6, false, 0xFFFF)));
    play(List.of(new Packet(1000 + 0xFFFF, false, 6, false, 160))); // §2.5.1.3 next segment
    play(List.of(new Packet(1000 + 0xFFFF, false, 6, true, 800)));
    assertEquals("6", heard.toString());
  }
}
