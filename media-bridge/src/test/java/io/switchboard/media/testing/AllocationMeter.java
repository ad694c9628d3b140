package io.switchboard.media.testing;

import java.lang.management.ManagementFactory;

/**
 * Counts the heap bytes the current thread allocates while running some work, to check that
 * per-frame media code allocates nothing. Measure after a warm-up so class loading and lazy
 * initialisation are not counted. A few bytes may still show up from JIT transitions, so assert
 * less than one byte per run rather than exactly zero.
 */
public final class AllocationMeter {
  private final com.sun.management.ThreadMXBean threads;

  public AllocationMeter() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
        || !bean.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("this JVM cannot count per-thread allocation");
    }
    bean.setThreadAllocatedMemoryEnabled(true);
    this.threads = bean;
  }

  /** Runs {@code work} {@code warmUp} times unmeasured, then returns the bytes {@code times} more runs allocate. */
  public long bytesAllocated(int warmUp, int times, Runnable work) {
    for (int i = 0; i < warmUp; i++) {
      work.run();
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < times; i++) {
      work.run();
    }
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
