package io.switchboard.sfu.transport.sctp;

import java.util.Arrays;

/**
 * Which TSNs of the peer we hold (RFC 9260 §6.2): the cumulative TSN and a bitmap of those received
 * beyond it, from which SACK gap blocks are written; duplicates are remembered for the next SACK.
 * TSNs are unwrapped to longs so comparisons survive the 32-bit wrap. Allocates nothing.
 */
final class InboundTsns {
  enum Verdict {
    NEW,
    DUPLICATE,
    BEYOND_WINDOW
  }

  private static final int MAX_DUPLICATES = 16;

  private final long[] bits;
  private final int capacity;
  private final int[] duplicates = new int[MAX_DUPLICATES];
  private int duplicateCount;
  private long cumulative;
  private long highest;

  /** @param capacity how far beyond the cumulative TSN chunks are kept; a power of two */
  InboundTsns(int capacity) {
    if (Integer.bitCount(capacity) != 1 || capacity < 64) {
      throw new IllegalArgumentException("capacity must be a power of two >= 64, got " + capacity);
    }
    this.capacity = capacity;
    this.bits = new long[capacity / 64];
  }

  /** Starts tracking from the peer's initial TSN: the cumulative TSN is the one before it. */
  void reset(int peerInitialTsn) {
    Arrays.fill(bits, 0);
    cumulative = (peerInitialTsn - 1) & 0xffffffffL;
    highest = cumulative;
    duplicateCount = 0;
  }

  long unwrap(int tsn) {
    return cumulative + (tsn - (int) cumulative);
  }

  int cumulativeTsn() {
    return (int) cumulative;
  }

  long cumulativeUnwrapped() {
    return cumulative;
  }

  /** Records a DATA chunk's TSN. */
  Verdict receive(int tsn) {
    long t = unwrap(tsn);
    if (t <= cumulative || isSet(t)) {
      if (duplicateCount < MAX_DUPLICATES) {
        duplicates[duplicateCount++] = tsn;
      }
      return Verdict.DUPLICATE;
    }
    if (t - cumulative >= capacity) {
      return Verdict.BEYOND_WINDOW;
    }
    set(t);
    highest = Math.max(highest, t);
    advance();
    return Verdict.NEW;
  }

  /**
   * Moves the cumulative TSN up to a FORWARD TSN's (RFC 3758 §3.6); false if it was not ahead.
   */
  boolean forwardTo(int newCumulativeTsn) {
    long t = unwrap(newCumulativeTsn);
    if (t <= cumulative) {
      return false;
    }
    for (long i = cumulative + 1; i <= t && i - cumulative <= capacity; i++) {
      clear(i);
    }
    if (t - cumulative > capacity) {
      Arrays.fill(bits, 0);
    }
    cumulative = t;
    highest = Math.max(highest, t);
    advance();
    return true;
  }

  private void advance() {
    while (cumulative < highest && isSet(cumulative + 1)) {
      cumulative++;
      clear(cumulative);
    }
  }

  boolean hasGaps() {
    return highest > cumulative;
  }

  /**
   * Writes a SACK chunk (RFC 9260 §3.3.4) with as many gap blocks and duplicates as fit in {@code
   * maxLength} bytes, and forgets the duplicates.
   */
  void writeSack(PacketWriter w, long window, int maxLength) {
    w.startChunk(ChunkType.SACK, 0);
    w.u32(cumulative);
    w.u32(Math.max(0, window));
    int countsAt = w.position();
    w.u16(0);
    w.u16(0);
    int room = (maxLength - 16) / 4;
    int blocks = 0;
    long t = cumulative + 1;
    while (t <= highest && blocks < room - 1) {
      while (t <= highest && !isSet(t)) {
        t++;
      }
      if (t > highest) {
        break;
      }
      long start = t;
      while (t <= highest && isSet(t)) {
        t++;
      }
      w.u16((int) (start - cumulative));
      w.u16((int) (t - 1 - cumulative));
      blocks++;
    }
    int dups = Math.min(duplicateCount, room - blocks);
    for (int i = 0; i < dups; i++) {
      w.u32(duplicates[i]);
    }
    duplicateCount = 0;
    w.patch16(countsAt, blocks);
    w.patch16(countsAt + 2, dups);
    w.endChunk();
  }

  private boolean isSet(long t) {
    int i = (int) (t & (capacity - 1));
    return (bits[i >>> 6] & (1L << i)) != 0;
  }

  private void set(long t) {
    int i = (int) (t & (capacity - 1));
    bits[i >>> 6] |= 1L << i;
  }

  private void clear(long t) {
    int i = (int) (t & (capacity - 1));
    bits[i >>> 6] &= ~(1L << i);
  }
}
