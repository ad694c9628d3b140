package io.switchboard.server.metrics;

import java.util.Arrays;

/**
 * A Prometheus histogram of seconds with fixed upper bounds: cumulative bucket counts, sum and
 * count. Observing allocates nothing; a snapshot is consistent (one lock, held briefly).
 */
final class Histogram {
  private final double[] bounds;
  private final long[] counts;
  private double sum;
  private long count;

  /** @param bounds the buckets' upper bounds in seconds, ascending; +Inf is implied */
  Histogram(double... bounds) {
    for (int i = 1; i < bounds.length; i++) {
      if (!(bounds[i] > bounds[i - 1])) {
        throw new IllegalArgumentException("histogram bounds must ascend: " + Arrays.toString(bounds));
      }
    }
    this.bounds = bounds.clone();
    this.counts = new long[bounds.length];
  }

  synchronized void observe(double seconds) {
    for (int i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        counts[i]++;
      }
    }
    sum += seconds;
    count++;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(bounds.clone(), counts.clone(), sum, count);
  }

  /** Cumulative counts per bound (the +Inf bucket is {@code count}). */
  record Snapshot(double[] bounds, long[] cumulativeCounts, double sum, long count) {}
}
