package io.switchboard.sfu.transport.sctp;

/**
 * Stream resets as data channels close them (RFC 8831 §6.7, RFC 6525 §5): we reset our outgoing
 * streams with Outgoing SSN Reset Requests, one request in flight at a time and retransmitted on
 * the RTO; the peer's requests are performed once every TSN it sent before them has arrived.
 */
final class StreamResets {
  /** Told which streams were reset; the array is reused after the call. */
  interface Listener {
    void outgoingReset(int[] streams, int count);

    void incomingReset(int[] streams, int count);
  }

  private final Listener listener;
  private final int[] pending;
  private int pendingCount;
  private final int[] inFlight;
  private int inFlightCount;
  private final int[] incoming;
  private long nextRequestSeq;
  private long inFlightSeq;
  private long deadline = DataSender.NO_DEADLINE;
  private long peerNextRequestSeq;
  private int lastResult;

  StreamResets(Listener listener, int maxStreams) {
    this.listener = listener;
    this.pending = new int[maxStreams];
    this.inFlight = new int[maxStreams];
    this.incoming = new int[maxStreams];
  }

  /** RFC 6525 §5.1.1: request sequence numbers start at each side's initial TSN. */
  void start(int localInitialTsn, int peerInitialTsn) {
    nextRequestSeq = localInitialTsn & 0xffffffffL;
    peerNextRequestSeq = peerInitialTsn & 0xffffffffL;
  }

  /** Queues our outgoing stream for reset. */
  void request(int stream) {
    for (int i = 0; i < pendingCount; i++) {
      if (pending[i] == stream) {
        return;
      }
    }
    for (int i = 0; i < inFlightCount; i++) {
      if (inFlight[i] == stream) {
        return;
      }
    }
    if (pendingCount < pending.length) {
      pending[pendingCount++] = stream;
    }
  }

  long deadline() {
    return deadline;
  }

  /** Sends a new request if none is in flight and streams wait. */
  void maybeSend(Wire wire, int peerTag, int lastAssignedTsn, long now, long rto) {
    if (inFlightCount > 0 || pendingCount == 0) {
      return;
    }
    System.arraycopy(pending, 0, inFlight, 0, pendingCount);
    inFlightCount = pendingCount;
    pendingCount = 0;
    inFlightSeq = nextRequestSeq;
    nextRequestSeq = (nextRequestSeq + 1) & 0xffffffffL;
    send(wire, peerTag, lastAssignedTsn, now, rto);
  }

  /** Resends the request in flight when its timer expires. */
  void onTimer(Wire wire, int peerTag, int lastAssignedTsn, long now, long rto) {
    deadline = DataSender.NO_DEADLINE;
    if (inFlightCount > 0) {
      send(wire, peerTag, lastAssignedTsn, now, rto);
    }
  }

  private void send(Wire wire, int peerTag, int lastAssignedTsn, long now, long rto) {
    PacketWriter w = wire.room(peerTag, 20 + 2 * inFlightCount);
    Reconfig.writeResetRequest(
        w, inFlightSeq, (peerNextRequestSeq - 1) & 0xffffffffL, lastAssignedTsn & 0xffffffffL,
        inFlight, inFlightCount);
    deadline = now + rto;
  }

  /** The peer's answer to our request. */
  void onResponse(long seq, int result, long now, long rto) {
    if (inFlightCount == 0 || seq != inFlightSeq) {
      return;
    }
    if (result == Reconfig.IN_PROGRESS) {
      deadline = now + rto; // asked again on expiry
      return;
    }
    deadline = DataSender.NO_DEADLINE;
    int count = inFlightCount;
    inFlightCount = 0;
    // Denied or failed resets end the channel too: nothing better can be done (RFC 8831 §6.7).
    listener.outgoingReset(inFlight, count);
  }

  /**
   * The peer's Outgoing SSN Reset Request; answers it on the wire.
   *
   * @param received whether every TSN up to the request's last assigned TSN has arrived
   */
  void onRequest(Wire wire, int peerTag, long seq, boolean received, byte[] b, int off, int count) {
    int result;
    if (seq == peerNextRequestSeq) {
      if (!received) {
        result = Reconfig.IN_PROGRESS; // the peer asks again (RFC 6525 §5.2.2 deferred reset)
      } else {
        int n = Math.min(count, incoming.length);
        for (int i = 0; i < n; i++) {
          incoming[i] = Bytes.u16(b, off + 2 * i);
        }
        peerNextRequestSeq = (peerNextRequestSeq + 1) & 0xffffffffL;
        result = lastResult = Reconfig.SUCCESS_PERFORMED;
        listener.incomingReset(incoming, n);
      }
    } else if (seq == ((peerNextRequestSeq - 1) & 0xffffffffL)) {
      result = lastResult; // a retransmission of the request we performed
    } else {
      result = Reconfig.ERROR_BAD_SEQUENCE;
    }
    Reconfig.writeResponse(wire.room(peerTag, 16), seq, result);
  }
}
