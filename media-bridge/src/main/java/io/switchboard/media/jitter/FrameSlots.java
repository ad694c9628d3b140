package io.switchboard.media.jitter;

import java.util.Arrays;

/**
 * Preallocated payload storage indexed by extended sequence number modulo a power-of-two
 * capacity. Each slot remembers which sequence number it holds, so a stale slot is never
 * mistaken for a newer packet.
 */
final class FrameSlots {
  private final int capacity;
  private final int slotBytes;
  private final byte[] data;
  private final int[] lengths;
  private final long[] sequences;
  private final int[] timestamps;
  private final boolean[] filled;

  FrameSlots(int minimumCapacity, int slotBytes) {
    this.capacity = Integer.highestOneBit(Math.max(2, minimumCapacity) * 2 - 1);
    this.slotBytes = slotBytes;
    this.data = new byte[capacity * slotBytes];
    this.lengths = new int[capacity];
    this.sequences = new long[capacity];
    this.timestamps = new int[capacity];
    this.filled = new boolean[capacity];
  }

  int capacity() {
    return capacity;
  }

  boolean holds(long seq) {
    int slot = slot(seq);
    return filled[slot] && sequences[slot] == seq;
  }

  void put(long seq, int timestamp, byte[] payload, int off, int len) {
    int slot = slot(seq);
    System.arraycopy(payload, off, data, slot * slotBytes, len);
    lengths[slot] = len;
    sequences[slot] = seq;
    timestamps[slot] = timestamp;
    filled[slot] = true;
  }

  /** Empties the slot of {@code seq} if it holds that sequence number; returns whether it did. */
  boolean remove(long seq) {
    if (!holds(seq)) {
      return false;
    }
    filled[slot(seq)] = false;
    return true;
  }

  void clear() {
    Arrays.fill(filled, false);
  }

  byte[] data() {
    return data;
  }

  int offset(long seq) {
    return slot(seq) * slotBytes;
  }

  int length(long seq) {
    return lengths[slot(seq)];
  }

  int timestamp(long seq) {
    return timestamps[slot(seq)];
  }

  private int slot(long seq) {
    return (int) (seq & (capacity - 1));
  }
}
