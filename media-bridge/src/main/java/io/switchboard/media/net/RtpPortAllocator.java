package io.switchboard.media.net;

import java.time.Clock;
import java.time.Duration;
import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * Hands out even RTP ports from {@code [low, high]}, each with its RTCP port (port + 1) inside
 * the range too (RFC 3550 §11). The search starts at a random pair and continues round-robin, so
 * a port is reused as late as possible. A released port stays quarantined for a while: late
 * packets of the finished call must not reach the next one. Thread-safe.
 */
public final class RtpPortAllocator {
  private final int firstPort;
  private final int pairs;
  private final Duration quarantine;
  private final Clock clock;
  private final BitSet inUse;
  private final long[] quarantinedUntil;
  private int cursor;

  /**
   * @param low lowest port of the range (inclusive)
   * @param high highest port of the range (inclusive)
   * @param quarantine how long a released port rests before it is handed out again
   * @param random picks the first pair to try
   */
  public RtpPortAllocator(
      int low, int high, Duration quarantine, Clock clock, RandomGenerator random) {
    if (low < 1 || high > 65535 || low > high) {
      throw new IllegalArgumentException("RTP port range [" + low + ", " + high + "] is not within 1-65535");
    }
    if (quarantine.isNegative()) {
      throw new IllegalArgumentException("quarantine must not be negative: " + quarantine);
    }
    this.firstPort = low % 2 == 0 ? low : low + 1;
    this.pairs = Math.max(0, (high - firstPort + 1) / 2);
    if (pairs == 0) {
      throw new IllegalArgumentException(
          "RTP port range [" + low + ", " + high + "] holds no even port with its RTCP port");
    }
    this.quarantine = quarantine;
    this.clock = clock;
    this.inUse = new BitSet(pairs);
    this.quarantinedUntil = new long[pairs];
    this.cursor = random.nextInt(pairs);
  }

  /**
   * Reserves a pair.
   *
   * @return the even RTP port; RTCP uses the next one
   * @throws IllegalStateException if every pair is in use or quarantined
   */
  public synchronized int allocate() {
    long now = clock.millis();
    for (int i = 0; i < pairs; i++) {
      int pair = (cursor + i) % pairs;
      if (!inUse.get(pair) && quarantinedUntil[pair] <= now) {
        inUse.set(pair);
        cursor = (pair + 1) % pairs;
        return firstPort + 2 * pair;
      }
    }
    throw new IllegalStateException(
        "no free RTP port pair in ["
            + firstPort
            + ", "
            + (firstPort + 2 * pairs - 1)
            + "]: "
            + inUse.cardinality()
            + " in use, "
            + (pairs - inUse.cardinality())
            + " quarantined");
  }

  /** Returns a pair; it becomes available again after the quarantine. */
  public synchronized void release(int rtpPort) {
    int pair = pairOf(rtpPort);
    if (!inUse.get(pair)) {
      throw new IllegalArgumentException("RTP port " + rtpPort + " is not allocated");
    }
    inUse.clear(pair);
    quarantinedUntil[pair] = clock.millis() + quarantine.toMillis();
  }

  /** Pairs currently allocated. */
  public synchronized int inUse() {
    return inUse.cardinality();
  }

  /** Pairs that {@link #allocate} could hand out now. */
  public synchronized int available() {
    long now = clock.millis();
    int free = 0;
    for (int pair = 0; pair < pairs; pair++) {
      if (!inUse.get(pair) && quarantinedUntil[pair] <= now) {
        free++;
      }
    }
    return free;
  }

  private int pairOf(int rtpPort) {
    int offset = rtpPort - firstPort;
    if (offset < 0 || offset % 2 != 0 || offset / 2 >= pairs) {
      throw new IllegalArgumentException(
          "RTP port " + rtpPort + " is not an even port of this allocator's range");
    }
    return offset / 2;
  }
}
