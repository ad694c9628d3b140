package io.switchboard.bench.load;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request over UDP and again at T1, 2·T1, … capped at T2 (RFC 3261 §17.1.1.2 and
 * §17.1.2.2) until stopped; after 64·T1 without a response it fails {@code outcome}.
 */
final class Retransmitter {
  private static final long T1_MILLIS = 500;
  private static final long T2_MILLIS = 4000;
  private static final long TIMEOUT_MILLIS = 64 * T1_MILLIS;

  private final Runnable send;
  private final ScheduledExecutorService timers;
  private final CompletableFuture<?> outcome;
  private final String what;
  private long elapsedMillis;
  private long intervalMillis = T1_MILLIS;
  private ScheduledFuture<?> next;
  private boolean stopped;
  int retransmissions;

  Retransmitter(Runnable send, ScheduledExecutorService timers, CompletableFuture<?> outcome, String what) {
    this.send = send;
    this.timers = timers;
    this.outcome = outcome;
    this.what = what;
  }

  synchronized void start() {
    send.run();
    next = timers.schedule(this::fire, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private synchronized void fire() {
    if (stopped) {
      return;
    }
    elapsedMillis += intervalMillis;
    if (elapsedMillis >= TIMEOUT_MILLIS) {
      stopped = true;
      outcome.completeExceptionally(new TimeoutException(what + ": no response in " + TIMEOUT_MILLIS + " ms"));
      return;
    }
    retransmissions++;
    send.run();
    intervalMillis = Math.min(2 * intervalMillis, T2_MILLIS);
    next = timers.schedule(this::fire, intervalMillis, TimeUnit.MILLISECONDS);
  }

  synchronized void stop() {
    stopped = true;
    if (next != null) {
      next.cancel(false);
    }
  }
}
