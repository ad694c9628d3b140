package io.switchboard.sfu.transport.sctp;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the association's timer wake-ups; the association decides from its clock what expired. */
@FunctionalInterface
public interface SctpScheduler {
  void schedule(Runnable task, long delayMillis);

  /** Schedules on an executor; wake-ups after its shutdown are dropped. */
  static SctpScheduler of(ScheduledExecutorService executor) {
    return (task, delayMillis) -> {
      try {
        executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // shutting down: the association is going away with it
      }
    };
  }
}
