package io.switchboard.sfu.transport.sctp;

/** Slow start, congestion avoidance and fast recovery for the one path (RFC 9260 §7.2). */
final class CongestionWindow {
  private final int mtu;
  private long cwnd;
  private long ssthresh;
  private long partialBytesAcked;
  private boolean fastRecovery;
  private long recoveryExit;

  CongestionWindow(int mtu) {
    this.mtu = mtu;
    reset(Integer.MAX_VALUE);
  }

  /** §7.2.1: initial cwnd = min(4 MTU, max(2 MTU, 4380)); ssthresh may be the peer's window. */
  void reset(long peerWindow) {
    cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4380));
    ssthresh = peerWindow;
    partialBytesAcked = 0;
    fastRecovery = false;
  }

  long window() {
    return cwnd;
  }

  /**
   * §7.2.1 and §7.2.2, for a SACK that advanced the cumulative TSN.
   *
   * @param flightBefore bytes outstanding before this SACK: the window grows only if it was used
   */
  void onCumulativeAck(long bytesAcked, long flightBefore, long cumulativeTsn) {
    if (fastRecovery && cumulativeTsn >= recoveryExit) {
      fastRecovery = false;
    }
    if (fastRecovery || bytesAcked <= 0) {
      return;
    }
    if (cwnd <= ssthresh) {
      if (flightBefore >= cwnd - mtu) {
        cwnd += Math.min(bytesAcked, mtu);
      }
      return;
    }
    partialBytesAcked += bytesAcked;
    if (partialBytesAcked >= cwnd && flightBefore >= cwnd - mtu) {
      partialBytesAcked -= cwnd;
      cwnd += mtu;
    }
  }

  /** §7.2.4: halves the window once per recovery, which ends when {@code highestOutstanding} is acked. */
  void onFastRetransmit(long highestOutstanding) {
    if (fastRecovery) {
      return;
    }
    fastRecovery = true;
    recoveryExit = highestOutstanding;
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = ssthresh;
    partialBytesAcked = 0;
  }

  /** §7.2.3: after a retransmission timeout one MTU may be in flight. */
  void onTimeout() {
    ssthresh = Math.max(cwnd / 2, 4L * mtu);
    cwnd = mtu;
    partialBytesAcked = 0;
    fastRecovery = false;
  }
}
