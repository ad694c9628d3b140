package io.switchboard.sfu.transport.sctp;

/**
 * The sending half of an established association: fragments messages, sends within the congestion
 * and peer windows (RFC 9260 §6.1, §7), processes SACKs (§6.2.1), runs the T3-rtx timer (§6.3) and
 * moves the peer past abandoned chunks with FORWARD TSN (RFC 3758 §3.5). Allocates nothing.
 */
final class DataSender {
  static final long NO_DEADLINE = Long.MAX_VALUE;
  private static final int DATA_HEADER = 16;

  private final OutboundQueue queue;
  private final CongestionWindow cc;
  private final RtoEstimator rto;
  private final Wire wire;
  private final int fragment;
  private final int[] nextSsn;
  private final int[] forwardStreams = new int[64];
  private final int[] forwardSsns = new int[64];
  private long peerWindow;
  private boolean forwardTsn;
  private long forwardSentFor = -1;
  private long t3Deadline = NO_DEADLINE;
  private int consecutiveTimeouts;
  private int peerTag;

  DataSender(SctpConfig config, Wire wire, RtoEstimator rto) {
    this.queue = new OutboundQueue(config.sendBufferChunks(), config.streams());
    this.cc = new CongestionWindow(config.mtu());
    this.rto = rto;
    this.wire = wire;
    this.fragment = config.mtu() - PacketWriter.COMMON_HEADER - DATA_HEADER;
    this.nextSsn = new int[config.streams()];
  }

  void start(int localInitialTsn) {
    queue.start(localInitialTsn);
  }

  /** Once the peer's INIT or INIT ACK is known. */
  void established(int peerTag, long peerWindow, boolean peerForwardTsn) {
    this.peerTag = peerTag;
    this.peerWindow = peerWindow;
    this.forwardTsn = peerForwardTsn;
    queue.partialReliability(peerForwardTsn);
    cc.reset(peerWindow);
  }

  /** Numbers an ordered message in its stream (unordered ones carry SSN 0) and queues it. */
  boolean enqueue(int stream, int ppid, boolean unordered, int maxRtx, long expires, byte[] msg,
      int off, int len) {
    int ssn = unordered ? 0 : nextSsn[stream];
    if (!queue.enqueue(stream, ssn, ppid, unordered, maxRtx, expires, msg, off, len, fragment)) {
      return false;
    }
    if (!unordered) {
      nextSsn[stream] = (ssn + 1) & 0xffff;
    }
    return true;
  }

  /** After our outgoing stream is reset its numbering restarts at 0 (RFC 6525 §5.2.2). */
  void resetStream(int stream) {
    if (stream < nextSsn.length) {
      nextSsn[stream] = 0;
    }
  }

  /** The TSN we assigned last (RFC 6525 "sender's last assigned TSN"). */
  int lastAssignedTsn() {
    return (int) (queue.tail() - 1);
  }

  boolean allAcked() {
    return queue.isEmpty();
  }

  long queuedBytes() {
    return queue.queuedBytes();
  }

  long queuedBytes(int stream) {
    return queue.queuedBytes(stream);
  }

  long t3Deadline() {
    return t3Deadline;
  }

  /** Sends what the windows allow into the wire's current packet; the caller flushes. */
  void transmit(long now) {
    long t;
    while ((t = queue.nextToSend()) >= 0) {
      int len = queue.length(t);
      long flight = queue.flightBytes();
      if (flight > 0 && (flight + len > cc.window() || flight + len > peerWindow)) {
        break;
      }
      queue.send(t, wire.room(peerTag, DATA_HEADER + len), now);
      if (t3Deadline == NO_DEADLINE) {
        t3Deadline = now + rto.rto();
      }
    }
  }

  /** Processes a SACK chunk's value (RFC 9260 §6.2.1, §7.2.4). */
  void onSack(byte[] b, int off, int len, long now) {
    if (len < 12) {
      return;
    }
    long base = queue.head() - 1;
    long cumulative = base + (Bytes.i32(b, off) - (int) base);
    if (cumulative < base || cumulative >= queue.tail()) {
      return; // older than what we know, or acknowledging what we never sent: ignored
    }
    long flightBefore = queue.flightBytes();
    boolean advanced = cumulative > base;
    long acked = queue.ackCumulative(cumulative, now, rto);
    int gaps = Bytes.u16(b, off + 8);
    long highest = -1;
    for (int i = 0, p = off + 12; i < gaps && p + 4 <= off + len; i++, p += 4) {
      long from = cumulative + Bytes.u16(b, p);
      long to = cumulative + Bytes.u16(b, p + 2);
      if (from <= to) {
        queue.ackGap(from, to);
        highest = Math.max(highest, to);
      }
    }
    long window = Bytes.u32(b, off + 4);
    peerWindow = window;
    if (advanced) {
      consecutiveTimeouts = 0;
      cc.onCumulativeAck(acked, flightBefore, cumulative);
    }
    if (highest > cumulative && queue.countMisses(highest, now)) {
      cc.onFastRetransmit(queue.tail() - 1);
    }
    if (queue.isEmpty()) {
      t3Deadline = NO_DEADLINE;
    } else if (advanced) {
      t3Deadline = now + rto.rto();
    }
    sendForwardTsn(false, now);
  }

  /** Applies only a cumulative TSN ack, as carried by SHUTDOWN (RFC 9260 §6.2). */
  void onCumulativeAck(int cumulativeTsn, long now) {
    long base = queue.head() - 1;
    long cumulative = base + (cumulativeTsn - (int) base);
    if (cumulative > base && cumulative < queue.tail()) {
      queue.ackCumulative(cumulative, now, rto);
      t3Deadline = queue.isEmpty() ? NO_DEADLINE : now + rto.rto();
    }
  }

  /**
   * T3-rtx expiry (§6.3.3): back off, shrink the window, resend or abandon what was in flight.
   *
   * @return the consecutive expiries so far, for the association's give-up limit
   */
  int onT3Expired(long now) {
    t3Deadline = NO_DEADLINE;
    if (queue.isEmpty()) {
      return consecutiveTimeouts;
    }
    consecutiveTimeouts++;
    rto.backOff();
    cc.onTimeout();
    queue.markAllLost(now);
    sendForwardTsn(true, now);
    t3Deadline = now + rto.rto();
    return consecutiveTimeouts;
  }

  /** RFC 3758 §3.5 C4: tells the peer to skip abandoned chunks, once per new point or timeout. */
  private void sendForwardTsn(boolean again, long now) {
    if (!forwardTsn) {
      return;
    }
    long point = queue.advancedPeerAckPoint();
    if (point < queue.head() || (point == forwardSentFor && !again)) {
      return;
    }
    forwardSentFor = point;
    PacketWriter w = wire.room(peerTag, 8 + 4 * forwardStreams.length);
    queue.writeForwardTsn(w, point, forwardStreams, forwardSsns);
    if (t3Deadline == NO_DEADLINE) {
      t3Deadline = now + rto.rto(); // resent on expiry until the peer's SACK passes the point
    }
  }
}
