package io.switchboard.sfu.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock moved by hand that also runs the retry timer's tasks when their time comes. */
final class FakeTime extends Clock implements RetryTimer {
  private record Due(Instant at, long order, Runnable task) {}

  private Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private final List<Due> due = new ArrayList<>();
  private long scheduled;

  /** Moves time forward, running every task that falls due on the way, in time order. */
  void advance(Duration d) {
    Instant until = now.plus(d);
    while (true) {
      Due next = due.stream().filter(t -> !t.at().isAfter(until))
          .min(Comparator.comparing(Due::at).thenComparingLong(Due::order)).orElse(null);
      if (next == null) {
        break;
      }
      due.remove(next);
      now = next.at();
      next.task().run();
    }
    now = until;
  }

  int pendingTimers() {
    return due.size();
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    due.add(new Due(now.plus(delay), scheduled++, task));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
