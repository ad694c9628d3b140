package io.switchboard.media.net;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Strict source learning for symmetric RTP. While learning, packets are accepted from the
 * address signalled in SDP or, when allowed, from any address during the learning window (a
 * NATed phone sends from an address it cannot know); after {@code learningPackets} consecutive
 * packets from one address the latch locks onto it and everything else is dropped. Not
 * thread-safe; allocation-free.
 */
final class SourceLatch {
  enum Verdict {
    /** Deliver the packet. */
    ACCEPT,
    /** Deliver the packet; it completed learning and the latch is now locked on its source. */
    LOCKED,
    /** Drop the packet: wrong source. */
    DROP
  }

  private final int learningPackets;
  private final boolean learnFromAnyAddress;
  private final long learningWindowMillis;

  private InetSocketAddress signalled;
  private long learningSince;
  private InetSocketAddress candidate;
  private int consecutive;
  private InetSocketAddress locked;

  SourceLatch(int learningPackets, boolean learnFromAnyAddress, Duration learningWindow) {
    if (learningPackets < 1) {
      throw new IllegalArgumentException("learning needs at least one packet, got " + learningPackets);
    }
    this.learningPackets = learningPackets;
    this.learnFromAnyAddress = learnFromAnyAddress;
    this.learningWindowMillis = learningWindow.toMillis();
  }

  /** Starts learning afresh, expecting media from {@code address} (null if not yet known). */
  void expect(InetSocketAddress address, long nowMillis) {
    signalled = address;
    learningSince = nowMillis;
    candidate = null;
    consecutive = 0;
    locked = null;
  }

  Verdict onPacket(InetSocketAddress from, long nowMillis) {
    if (locked != null) {
      return locked.equals(from) ? Verdict.ACCEPT : Verdict.DROP;
    }
    boolean qualifies =
        from.equals(signalled)
            || (learnFromAnyAddress && nowMillis - learningSince <= learningWindowMillis);
    if (!qualifies) {
      return Verdict.DROP;
    }
    if (from.equals(candidate)) {
      consecutive++;
    } else {
      candidate = from;
      consecutive = 1;
    }
    if (consecutive >= learningPackets) {
      locked = from;
      return Verdict.LOCKED;
    }
    return Verdict.ACCEPT;
  }

  /** The address media is locked to, or null while learning. */
  InetSocketAddress locked() {
    return locked;
  }

  InetSocketAddress signalled() {
    return signalled;
  }
}
