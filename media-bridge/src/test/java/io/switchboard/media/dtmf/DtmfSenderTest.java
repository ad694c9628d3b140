package io.switchboard.media.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfSenderTest {
  /** What one tick produced: either audio, or an event packet. */
  private record Tick(boolean audio, boolean marker, int timestamp, int event, boolean end, int duration) {
    static Tick audioTick() {
      return new Tick(true, false, 0, -1, false, 0);
    }

    static Tick event(boolean marker, int timestamp, int event, boolean end, int duration) {
      return new Tick(false, marker, timestamp, event, end, duration);
    }
  }

  private static List<Tick> run(DtmfSender sender, int startTimestamp, int ticks) {
    List<Tick> out = new ArrayList<>();
    byte[] payload = new byte[4];
    int ts = startTimestamp;
    for (int i = 0; i < ticks; i++) {
      int length = sender.tick(ts, payload, 0);
      if (length == 0) {
        out.add(Tick.audioTick());
      } else {
        assertEquals(4, length);
        out.add(
            Tick.event(
                sender.marker(),
                sender.eventTimestamp(),
                TelephoneEvent.event(payload, 0),
                TelephoneEvent.end(payload, 0),
                TelephoneEvent.duration(payload, 0)));
        assertEquals(10, TelephoneEvent.volume(payload, 0));
      }
      ts += 160;
    }
    return out;
  }

  @Test
  void oneDigitIsStartUpdatesAndThreeEndsOnOneTimestamp() {
    DtmfSender sender = DtmfSender.standard(8000);
    sender.enqueue(DtmfDigit.D5);
    assertTrue(sender.busy());
    List<Tick> ticks = run(sender, 48_000, 11);
    List<Tick> expected =
        List.of(
            Tick.event(true, 48_000, 5, false, 160),
            Tick.event(false, 48_000, 5, false, 320),
            Tick.event(false, 48_000, 5, false, 480),
            Tick.event(false, 48_000, 5, false, 640),
            Tick.event(false, 48_000, 5, true, 800),
            Tick.event(false, 48_000, 5, true, 800),
            Tick.event(false, 48_000, 5, true, 800),
            Tick.audioTick(),
            Tick.audioTick(),
            Tick.audioTick(),
            Tick.audioTick());
    assertEquals(expected, ticks);
    assertFalse(sender.busy());
  }

  @Test
  void consecutiveDigitsGetTheirOwnTimestampsAfterAPause() {
    DtmfSender sender = DtmfSender.standard(8000);
    sender.enqueue("1#");
    List<Tick> ticks = run(sender, 0, 20);
    // 7 event ticks, 3 pause ticks, then "#" starts at tick 10: timestamp 10 * 160.
    assertEquals(Tick.event(true, 0, 1, false, 160), ticks.get(0));
    assertTrue(ticks.get(7).audio() && ticks.get(9).audio());
    assertEquals(Tick.event(true, 1600, 11, false, 160), ticks.get(10));
    assertEquals(Tick.event(false, 1600, 11, true, 800), ticks.get(16));
    assertTrue(ticks.get(17).audio());
  }

  @Test
  void wideBandClockScalesDurations() {
    DtmfSender sender = new DtmfSender(48_000, Duration.ofMillis(40), Duration.ZERO, 10);
    sender.enqueue(DtmfDigit.A);
    List<Tick> ticks = run(sender, 7, 6);
    assertEquals(Tick.event(true, 7, 12, false, 960), ticks.get(0));
    assertEquals(Tick.event(false, 7, 12, true, 1920), ticks.get(1));
    assertEquals(Tick.event(false, 7, 12, true, 1920), ticks.get(3));
    assertTrue(ticks.get(4).audio());
  }

  @Test
  void invalidDigitStringQueuesNothing() {
    DtmfSender sender = DtmfSender.standard(8000);
    var error = assertThrows(IllegalArgumentException.class, () -> sender.enqueue("12x"));
    assertTrue(error.getMessage().contains("'x'"));
    assertFalse(sender.busy());
  }

  @Test
  void rejectsToneLongerThanOneEventCanDescribe() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new DtmfSender(8000, Duration.ofSeconds(9), Duration.ZERO, 10));
  }

  @Test
  void senderAndReceiverAgreeOnEverySixteenDigits() {
    DtmfSender sender = DtmfSender.standard(8000);
    DtmfReceiver receiver = new DtmfReceiver();
    sender.enqueue("0123456789*#ABCD");
    StringBuilder heard = new StringBuilder();
    byte[] payload = new byte[4];
    int ts = 123;
    for (int tick = 0; tick < 16 * 10 + 5; tick++) {
      if (sender.tick(ts, payload, 0) > 0) {
        DtmfDigit d = receiver.onPacket(1, sender.eventTimestamp(), sender.marker(), payload, 0, 4);
        if (d != null) {
          heard.append(d.symbol());
        }
      }
      ts += 160;
    }
    assertEquals("0123456789*#ABCD", heard.toString());
    assertFalse(sender.busy());
  }
}
