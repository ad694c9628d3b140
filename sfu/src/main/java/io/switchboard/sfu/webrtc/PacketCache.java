package io.switchboard.sfu.webrtc;

/**
 * The last packets of one published video track, by sequence number, so that a subscriber's
 * NACK (RFC 4585 §6.2.1) can be answered by resending the packet from here rather than asking
 * the publisher. Slots are preallocated; a newer packet overwrites the one {@code capacity}
 * sequence numbers older. Written on the publisher's network thread, read on subscribers'.
 */
public final class PacketCache {
  private static final int MTU = 1500;

  private final byte[][] packets;
  private final int[] lengths;
  private final int[] seqs;
  private final int mask;

  /** @param capacity packets kept, a power of two (512 is about 1 s of 2 Mbit/s video) */
  public PacketCache(int capacity) {
    if (capacity <= 0 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("packet cache capacity must be a power of two, got " + capacity);
    }
    packets = new byte[capacity][MTU];
    lengths = new int[capacity];
    seqs = new int[capacity];
    mask = capacity - 1;
    java.util.Arrays.fill(seqs, -1);
  }

  /** Keeps a copy of one RTP packet (longer than an MTU: not kept). */
  public synchronized void put(byte[] buf, int off, int len) {
    if (len < 12 || len > MTU) {
      return;
    }
    int seq = RtpFields.u16(buf, off + 2);
    int slot = seq & mask;
    System.arraycopy(buf, off, packets[slot], 0, len);
    lengths[slot] = len;
    seqs[slot] = seq;
  }

  /**
   * Copies the packet with sequence number {@code seq} into {@code into}.
   *
   * @return its length, or 0 if it is no longer (or never was) kept
   */
  public synchronized int get(int seq, byte[] into) {
    int slot = seq & mask;
    if (seqs[slot] != (seq & 0xFFFF)) {
      return 0;
    }
    System.arraycopy(packets[slot], 0, into, 0, lengths[slot]);
    return lengths[slot];
  }
}
