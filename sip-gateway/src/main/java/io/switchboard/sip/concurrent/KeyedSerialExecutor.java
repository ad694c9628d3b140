package io.switchboard.sip.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, per key (a SIP Call-ID), and concurrently
 * across keys. Submitting never blocks and takes no lock while user code runs; a key's entry
 * disappears once its queue drains, so idle calls cost nothing.
 */
public final class KeyedSerialExecutor {
  private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Executor delegate;
  private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

  /** @param delegate runs the tasks; a virtual-thread-per-task executor in production */
  public KeyedSerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  public void execute(String key, Runnable task) {
    CompletableFuture<Void> start = new CompletableFuture<>();
    // handleAsync: the task runs even if its trigger failed, and never inside a map operation.
    CompletableFuture<Void> done = start.handleAsync((ignored, error) -> {
      runSafely(key, task);
      return null;
    }, delegate);
    CompletableFuture<Void> previous = tails.put(key, done);
    done.whenComplete((ignored, error) -> tails.remove(key, done));
    (previous == null ? DONE : previous).whenComplete((ignored, error) -> start.complete(null));
  }

  /** Keys with queued or running work: for tests and metrics. */
  public int activeKeys() {
    return tails.size();
  }

  private static void runSafely(String key, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("task for {} failed", key, e);
    }
  }
}
