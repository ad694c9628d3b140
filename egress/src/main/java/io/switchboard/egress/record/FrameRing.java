package io.switchboard.egress.record;

/**
 * Hands recorded frames from the media thread (one producer) to the file writer (one consumer)
 * through preallocated slots. A full ring never blocks the producer: the frame is dropped and
 * counted, because a slow disk must not hold up a call.
 */
final class FrameRing {
  private final short[][] slots;
  private final int mask;
  private volatile long head;
  private volatile long tail;

  /** @param capacity a power of two */
  FrameRing(int capacity, int samplesPerSlot) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two: " + capacity);
    }
    slots = new short[capacity][samplesPerSlot];
    mask = capacity - 1;
  }

  /** The slot to fill next, or null when the ring is full. Producer only. */
  short[] claim() {
    long h = head;
    return h - tail >= slots.length ? null : slots[(int) (h & mask)];
  }

  /** Makes the claimed slot visible to the consumer. Producer only. */
  void publish() {
    head = head + 1;
  }

  /** The oldest unread frame, or null when there is none. Consumer only. */
  short[] peek() {
    long t = tail;
    return t == head ? null : slots[(int) (t & mask)];
  }

  /** Frees the frame {@link #peek()} returned. Consumer only. */
  void release() {
    tail = tail + 1;
  }
}
