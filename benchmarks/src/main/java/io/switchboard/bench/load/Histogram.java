package io.switchboard.bench.load;

/** Counts of durations in fixed-width microsecond bins; the last bin also takes everything above. */
final class Histogram {
  private final int binMicros;
  private final long[] bins;
  private long count;
  private long minMicros = Long.MAX_VALUE;
  private long maxMicros = Long.MIN_VALUE;

  Histogram(int binMicros, long rangeMicros) {
    if (binMicros <= 0 || rangeMicros < binMicros) {
      throw new IllegalArgumentException("need a positive bin width and a range of at least one bin");
    }
    this.binMicros = binMicros;
    this.bins = new long[(int) (rangeMicros / binMicros) + 1];
  }

  void add(long micros) {
    add(micros, 1);
  }

  void add(long micros, long times) {
    if (times <= 0) {
      return;
    }
    long clamped = Math.max(0, micros);
    bins[(int) Math.min(bins.length - 1, clamped / binMicros)] += times;
    count += times;
    minMicros = Math.min(minMicros, clamped);
    maxMicros = Math.max(maxMicros, clamped);
  }

  long count() {
    return count;
  }

  /** The upper edge of the bin holding the {@code p}-th percentile, in milliseconds; NaN when empty. */
  double percentileMillis(double p) {
    if (count == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(p / 100 * count));
    long seen = 0;
    for (int i = 0; i < bins.length; i++) {
      seen += bins[i];
      if (seen >= rank) {
        return Math.min((i + 1) * (double) binMicros, maxMicros) / 1000;
      }
    }
    return maxMicros / 1000.0;
  }

  double minMillis() {
    return count == 0 ? Double.NaN : minMicros / 1000.0;
  }

  double maxMillis() {
    return count == 0 ? Double.NaN : maxMicros / 1000.0;
  }
}
