package io.switchboard.sip.concurrent;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on a {@link ScheduledExecutorService} (one platform thread is plenty). */
public final class ExecutorScheduler implements Scheduler {
  private final ScheduledExecutorService executor;

  public ExecutorScheduler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    var future = executor.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }
}
