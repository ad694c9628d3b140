package io.switchboard.server.agents.workers;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs the worker protocol's timeouts (tests fire them by hand). */
@FunctionalInterface
public interface Timers {
  /** Runs {@code task} after {@code delay}; returns what cancels it. */
  Runnable schedule(Duration delay, Runnable task);

  static Timers on(ScheduledExecutorService scheduler) {
    return (delay, task) -> {
      ScheduledFuture<?> f = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    };
  }
}
