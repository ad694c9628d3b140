package io.switchboard.sip.testing;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sip.concurrent.Cancellable;
import io.switchboard.sip.concurrent.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A scheduler whose time only moves when a test says so. Thread-safe. */
public final class ManualScheduler implements Scheduler {
  private final MutableClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long sequence;

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  private final class Task implements Cancellable {
    final long dueMillis;
    final long order;
    final Runnable action;

    Task(long dueMillis, long order, Runnable action) {
      this.dueMillis = dueMillis;
      this.order = order;
      this.action = action;
    }

    @Override
    public void cancel() {
      synchronized (ManualScheduler.this) {
        tasks.remove(this);
      }
    }
  }

  private final List<Duration> requested = new ArrayList<>();

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable action) {
    var task = new Task(clock.millis() + delay.toMillis(), sequence++, action);
    tasks.add(task);
    requested.add(delay);
    notifyAll();
    return task;
  }

  /** Waits (up to 20 s) until something asks for a timer of exactly this delay. */
  public synchronized void awaitScheduled(Duration delay) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    while (!requested.contains(delay)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no timer of " + delay + " was scheduled; saw " + requested);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Moves the clock forward and runs, in due order, every task that falls due. */
  public void advance(Duration duration) {
    long target = clock.millis() + duration.toMillis();
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream()
            .filter(t -> t.dueMillis <= target)
            .min(Comparator.<Task>comparingLong(t -> t.dueMillis).thenComparingLong(t -> t.order))
            .orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
      }
      clock.advance(Duration.ofMillis(Math.max(0, next.dueMillis - clock.millis())));
      next.action.run();
    }
    clock.advance(Duration.ofMillis(Math.max(0, target - clock.millis())));
  }

  public synchronized int pending() {
    return tasks.size();
  }
}
