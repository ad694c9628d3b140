package io.switchboard.sfu.webhook;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs a task after a delay: a scheduler in production, a fake clock's queue in tests. */
@FunctionalInterface
public interface RetryTimer {
  void schedule(Duration delay, Runnable task);

  /** Schedules on {@code scheduler}; the task should only hand work off, never block. */
  static RetryTimer on(ScheduledExecutorService scheduler) {
    return (delay, task) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
