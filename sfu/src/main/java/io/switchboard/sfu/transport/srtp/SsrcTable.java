package io.switchboard.sfu.transport.srtp;

/**
 * A fixed-capacity map from SSRC to value with open addressing on a primitive key: lookups box
 * nothing and allocate nothing. Entries are never removed; a session tracks at most {@code
 * maxEntries} SSRCs over its life. Not thread-safe.
 */
final class SsrcTable<T> {
  private final int[] keys;
  private final Object[] values;
  private final int mask;
  private final int maxEntries;
  private int size;

  SsrcTable(int maxEntries) {
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be positive, got " + maxEntries);
    }
    int capacity = Integer.highestOneBit(maxEntries * 2 - 1) << 1;
    this.keys = new int[capacity];
    this.values = new Object[capacity];
    this.mask = capacity - 1;
    this.maxEntries = maxEntries;
  }

  @SuppressWarnings("unchecked")
  T get(int ssrc) {
    for (int i = slot(ssrc); ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == ssrc) {
        return (T) v;
      }
    }
  }

  /** Adds a new entry; returns false if the table is full. The SSRC must not be present. */
  boolean put(int ssrc, T value) {
    if (size == maxEntries) {
      return false;
    }
    int i = slot(ssrc);
    while (values[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = ssrc;
    values[i] = value;
    size++;
    return true;
  }

  boolean isFull() {
    return size == maxEntries;
  }

  int size() {
    return size;
  }

  private int slot(int ssrc) {
    return (ssrc * 0x9E3779B9) >>> 7 & mask; // Fibonacci hashing spreads sequential SSRCs
  }
}
