package io.switchboard.server.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Events from another thread, awaited in order with bounded waits; keeps all for failure messages. */
final class EventQueue<T> {
  private final BlockingQueue<T> pending = new LinkedBlockingQueue<>();
  private final List<T> all = new CopyOnWriteArrayList<>();

  void add(T event) {
    all.add(event);
    pending.add(event);
  }

  /** The next event of {@code type} matching {@code test}; others before it are skipped. */
  <E extends T> E next(Class<E> type, Predicate<? super E> test, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      T event = left > 0 ? pending.poll(left, TimeUnit.NANOSECONDS) : null;
      if (event == null) {
        throw new AssertionError("no " + type.getSimpleName() + " as expected within " + timeout + "; events: " + all);
      }
      if (type.isInstance(event) && test.test(type.cast(event))) {
        return type.cast(event);
      }
    }
  }

  <E extends T> E next(Class<E> type, Duration timeout) throws InterruptedException {
    return next(type, e -> true, timeout);
  }

  List<T> all() {
    return List.copyOf(all);
  }
}
