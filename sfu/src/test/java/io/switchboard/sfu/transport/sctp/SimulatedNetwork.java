package io.switchboard.sfu.transport.sctp;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Virtual time for association tests: a clock that moves only when the next scheduled event runs,
 * a scheduler over it, and links that drop, duplicate and delay (so reorder) packets with a seeded
 * Random. Everything runs on the test thread, so runs are repeatable.
 */
final class SimulatedNetwork {
  private record Event(long at, long seq, Runnable task) {}

  private final PriorityQueue<Event> events =
      new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final Random random;
  private long now = 1_000_000;
  private long seq;

  final Clock clock = new Clock() {
    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(now);
    }

    @Override
    public long millis() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  };

  final SctpScheduler scheduler = (task, delayMillis) -> at(now + delayMillis, task);

  SimulatedNetwork(long seed) {
    this.random = new Random(seed);
  }

  long now() {
    return now;
  }

  void at(long when, Runnable task) {
    events.add(new Event(Math.max(when, now), seq++, task));
  }

  /** Loss, duplication and delay of one direction; settable while running. */
  final class Link implements PacketSender {
    volatile double loss;
    volatile double duplication;
    volatile int minDelayMillis = 10;
    volatile int jitterMillis;
    private Consumer<byte[]> to = p -> {};
    private Consumer<byte[]> tap = p -> {};
    long delivered;

    void connect(Consumer<byte[]> receiver) {
      this.to = receiver;
    }

    void tap(Consumer<byte[]> observer) {
      this.tap = observer;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
      byte[] copy = java.util.Arrays.copyOfRange(buf, off, off + len);
      tap.accept(copy);
      int copies = random.nextDouble() < duplication ? 2 : 1;
      for (int i = 0; i < copies; i++) {
        if (random.nextDouble() < loss) {
          continue;
        }
        long delay = minDelayMillis + (jitterMillis > 0 ? random.nextInt(jitterMillis) : 0);
        at(now + delay, () -> {
          delivered++;
          to.accept(copy);
        });
      }
    }
  }

  Link link() {
    return new Link();
  }

  /** Runs events until the condition holds; fails if it does not within {@code limitMillis}. */
  void runUntil(BooleanSupplier done, long limitMillis, String what) {
    long end = now + limitMillis;
    while (!done.getAsBoolean()) {
      Event e = events.poll();
      if (e == null || e.at > end) {
        throw new AssertionError(what + ": not reached within " + limitMillis
            + " ms of virtual time" + (e == null ? " (nothing left to run)" : ""));
      }
      now = e.at;
      e.task.run();
    }
  }

  /** Runs everything due in the next {@code millis} of virtual time. */
  void runFor(long millis) {
    long end = now + millis;
    Event e;
    while ((e = events.peek()) != null && e.at <= end) {
      events.poll();
      now = e.at;
      e.task.run();
    }
    now = end;
  }
}
