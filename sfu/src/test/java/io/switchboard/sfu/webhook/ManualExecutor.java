package io.switchboard.sfu.webhook;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Queues tasks until the test runs them, so a test sees exactly which deliveries have run. */
final class ManualExecutor implements Executor {
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
  }

  /** Runs queued tasks, and the tasks they queue, until none is left. */
  void runAll() {
    Runnable next;
    while ((next = tasks.poll()) != null) {
      next.run();
    }
  }
}
