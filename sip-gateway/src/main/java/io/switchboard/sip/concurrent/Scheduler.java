package io.switchboard.sip.concurrent;

import java.time.Duration;

/**
 * Runs a short task after a delay. Call timers go through this, so tests drive them with a
 * manual scheduler instead of sleeping. Tasks must not block: they post work to a call's executor.
 */
@FunctionalInterface
public interface Scheduler {
  Cancellable schedule(Duration delay, Runnable task);
}
