package io.switchboard.agent.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Up to {@code max} instances of a model that serves one request at a time (a FreeTTS voice, a
 * Sphinx4 decoder), so concurrent sessions do not queue behind one another. The first instance is
 * made at construction; more are made only when every one is busy, on {@code loader}, and a
 * waiting request takes whichever instance is free first, a released one or the new one.
 */
public final class ModelPool<T> implements AutoCloseable {
  private final String name;
  private final int max;
  private final Supplier<T> factory;
  private final Executor loader;
  private final ArrayDeque<T> idle = new ArrayDeque<>();
  private final List<T> all = new ArrayList<>();
  private int loading;
  private RuntimeException lastFailure;
  private boolean closed;

  /**
   * @param name what the instances are, for errors
   * @param max the most instances ever made (at least 1)
   * @param factory makes one instance (may take seconds); called now once, later on {@code loader}
   */
  public ModelPool(String name, int max, Supplier<T> factory, Executor loader) {
    if (max < 1) {
      throw new IllegalArgumentException(name + " pool: at least one instance is needed, got " + max);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.max = max;
    this.factory = Objects.requireNonNull(factory, "factory");
    this.loader = Objects.requireNonNull(loader, "loader");
    T first = Objects.requireNonNull(factory.get(), name);
    all.add(first);
    idle.add(first);
  }

  /** Runs {@code work} on a free instance, waiting for one if all are busy. */
  public <R, E extends Exception> R with(Work<T, R, E> work) throws E, InterruptedException {
    T instance = acquire();
    try {
      return work.apply(instance);
    } finally {
      release(instance);
    }
  }

  /** Work on one instance. */
  @FunctionalInterface
  public interface Work<T, R, E extends Exception> {
    R apply(T instance) throws E, InterruptedException;
  }

  /** How many instances exist now. */
  public synchronized int size() {
    return all.size();
  }

  private synchronized T acquire() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(name + " request cancelled before it started");
    }
    while (true) {
      if (closed) {
        throw new IllegalStateException(name + " pool is closed");
      }
      T free = idle.poll();
      if (free != null) {
        return free;
      }
      if (all.size() + loading < max) {
        loading++;
        loader.execute(this::grow);
      }
      wait();
    }
  }

  private synchronized void release(T instance) {
    idle.push(instance); // the most recently used first: it is warm
    notifyAll();
  }

  private void grow() {
    T made = null;
    RuntimeException failure = null;
    try {
      made = Objects.requireNonNull(factory.get(), name);
    } catch (RuntimeException e) {
      failure = e;
    }
    synchronized (this) {
      loading--;
      if (made != null) {
        all.add(made);
        idle.push(made);
        notifyAll();
      } else {
        // The instances there are keep serving; the next time all are busy, it is tried again.
        lastFailure = failure;
      }
    }
  }

  /** Why the last extra instance could not be made, or null. */
  public synchronized RuntimeException lastFailure() {
    return lastFailure;
  }

  /** Closes every instance with {@code closer}; busy ones too, so call it once requests are over. */
  public void close(Consumer<T> closer) {
    List<T> instances;
    synchronized (this) {
      closed = true;
      instances = List.copyOf(all);
      notifyAll();
    }
    instances.forEach(closer);
  }

  @Override
  public void close() {
    close(t -> {});
  }
}
