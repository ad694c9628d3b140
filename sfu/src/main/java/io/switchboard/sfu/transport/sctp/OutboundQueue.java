package io.switchboard.sfu.transport.sctp;

/**
 * Our DATA chunks from fragmentation until the peer acknowledges them (RFC 9260 §6), in a ring of
 * preallocated slots indexed by TSN: no allocation per message or chunk. The caller's message
 * array is referenced, not copied. Lost chunks of partially reliable messages are abandoned (RFC
 * 3758 §3.5) instead of being sent again.
 */
final class OutboundQueue {
  static final int UNSENT = 0;
  static final int IN_FLIGHT = 1;
  static final int RETRANSMIT = 2;
  static final int ACKED = 3;
  static final int ABANDONED = 4;

  private final int mask;
  private final byte[][] data;
  private final int[] offset;
  private final int[] length;
  private final int[] stream;
  private final int[] ssn;
  private final int[] ppid;
  private final int[] flags;
  private final int[] state;
  private final int[] transmissions;
  private final int[] misses;
  private final int[] maxRetransmits;
  private final long[] sentAt;
  private final long[] expiresAt;
  private long head; // first TSN not cumulatively acknowledged
  private long tail; // next TSN to assign
  private long sendCursor; // no UNSENT chunk before it
  private long flight;
  private long queuedBytes;
  private final long[] queuedPerStream;
  private int retransmitPending;
  private boolean partialReliability;

  OutboundQueue(int capacity, int streams) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("send capacity must be a power of two, got " + capacity);
    }
    mask = capacity - 1;
    data = new byte[capacity][];
    offset = new int[capacity];
    length = new int[capacity];
    stream = new int[capacity];
    ssn = new int[capacity];
    ppid = new int[capacity];
    flags = new int[capacity];
    state = new int[capacity];
    transmissions = new int[capacity];
    misses = new int[capacity];
    maxRetransmits = new int[capacity];
    sentAt = new long[capacity];
    expiresAt = new long[capacity];
    queuedPerStream = new long[streams];
  }

  /** Numbers chunks from our initial TSN. */
  void start(int initialTsn) {
    head = tail = sendCursor = initialTsn & 0xffffffffL;
  }

  /** Whether lost chunks may be abandoned: the peer understands FORWARD TSN. */
  void partialReliability(boolean enabled) {
    partialReliability = enabled;
  }

  /**
   * Splits a message into chunks of at most {@code fragment} bytes.
   *
   * @param maxRtx retransmissions allowed, or -1 for unlimited
   * @param expires when to give up sending (clock millis), or Long.MAX_VALUE
   * @return false, queuing nothing, if the ring has no room for all of its chunks
   */
  boolean enqueue(
      int streamId, int seq, int protocolId, boolean unordered, int maxRtx, long expires,
      byte[] msg, int off, int len, int fragment) {
    int chunks = Math.max(1, (len + fragment - 1) / fragment);
    if (tail - head + chunks > mask + 1) {
      return false;
    }
    for (int i = 0; i < chunks; i++) {
      int s = (int) (tail & mask);
      int at = off + i * fragment;
      data[s] = msg;
      offset[s] = at;
      length[s] = Math.min(fragment, off + len - at);
      stream[s] = streamId;
      ssn[s] = seq;
      ppid[s] = protocolId;
      flags[s] = (unordered ? ChunkType.FLAG_UNORDERED : 0)
          | (i == 0 ? ChunkType.FLAG_BEGIN : 0)
          | (i == chunks - 1 ? ChunkType.FLAG_END : 0);
      state[s] = UNSENT;
      transmissions[s] = 0;
      misses[s] = 0;
      maxRetransmits[s] = maxRtx;
      expiresAt[s] = expires;
      tail++;
    }
    queuedBytes += len;
    if (protocolId != Dcep.PPID) { // W3C bufferedAmount counts user data only
      queuedPerStream[streamId] += len;
    }
    return true;
  }

  long head() {
    return head;
  }

  long tail() {
    return tail;
  }

  boolean isEmpty() {
    return head == tail;
  }

  long flightBytes() {
    return flight;
  }

  /** Bytes handed to us and not yet acknowledged or abandoned. */
  long queuedBytes() {
    return queuedBytes;
  }

  long queuedBytes(int stream) {
    return queuedPerStream[stream];
  }

  /** The next chunk to send, retransmissions first; -1 if none. */
  long nextToSend() {
    if (retransmitPending > 0) {
      for (long t = head; t < tail; t++) {
        if (state[(int) (t & mask)] == RETRANSMIT) {
          return t;
        }
      }
    }
    while (sendCursor < tail && state[(int) (sendCursor & mask)] != UNSENT) {
      sendCursor++;
    }
    return sendCursor < tail ? sendCursor : -1;
  }

  int length(long tsn) {
    return length[(int) (tsn & mask)];
  }

  /** Writes the chunk as a DATA chunk (RFC 9260 §3.3.1) and counts it in flight. */
  void send(long tsn, PacketWriter w, long now) {
    int s = (int) (tsn & mask);
    w.startChunk(ChunkType.DATA, flags[s]);
    w.u32(tsn);
    w.u16(stream[s]);
    w.u16(ssn[s]);
    w.u32(ppid[s]);
    w.bytes(data[s], offset[s], length[s]);
    w.endChunk();
    if (state[s] == RETRANSMIT) {
      retransmitPending--;
    }
    state[s] = IN_FLIGHT;
    transmissions[s]++;
    misses[s] = 0;
    sentAt[s] = now;
    flight += length[s];
  }

  /** Frees chunks up to {@code cumulative}; returns bytes newly acknowledged. */
  long ackCumulative(long cumulative, long now, RtoEstimator rto) {
    long acked = 0;
    boolean sampled = false;
    for (; head <= cumulative && head < tail; head++) {
      int s = (int) (head & mask);
      if (state[s] == IN_FLIGHT || state[s] == RETRANSMIT) {
        acked += length[s];
        if (!sampled && transmissions[s] == 1 && state[s] == IN_FLIGHT) {
          rto.sample(now - sentAt[s]); // Karn: never from a retransmitted chunk (§6.3.1 C5)
          sampled = true;
        }
      }
      release(s);
    }
    sendCursor = Math.max(sendCursor, head);
    return acked;
  }

  /** Marks a gap-acknowledged range (absolute TSNs); returns bytes newly acknowledged. */
  long ackGap(long from, long to) {
    long acked = 0;
    for (long t = Math.max(from, head); t <= to && t < tail; t++) {
      int s = (int) (t & mask);
      if (state[s] == IN_FLIGHT || state[s] == RETRANSMIT) {
        acked += length[s];
        leave(s);
        state[s] = ACKED;
      }
    }
    return acked;
  }

  /**
   * Counts a miss for each chunk in flight below the highest gap-acked TSN; at the third it is
   * retransmitted (§7.2.4). Returns whether any chunk was marked.
   */
  boolean countMisses(long highestAcked, long now) {
    boolean marked = false;
    for (long t = head; t < highestAcked && t < tail; t++) {
      int s = (int) (t & mask);
      if (state[s] == IN_FLIGHT && ++misses[s] >= 3) {
        marked |= markLost(t, now);
      }
    }
    return marked;
  }

  /** T3-rtx expiry (§6.3.3 E3): every chunk in flight is to be sent again. */
  void markAllLost(long now) {
    for (long t = head; t < tail; t++) {
      if (state[(int) (t & mask)] == IN_FLIGHT) {
        markLost(t, now);
      }
    }
  }

  /** Lost chunks of messages past their retransmission or time limit are abandoned. */
  private boolean markLost(long tsn, long now) {
    int s = (int) (tsn & mask);
    boolean giveUp = partialReliability
        && ((maxRetransmits[s] >= 0 && transmissions[s] > maxRetransmits[s]) || now >= expiresAt[s]);
    if (giveUp) {
      abandonMessage(tsn);
      return false;
    }
    leave(s);
    state[s] = RETRANSMIT;
    retransmitPending++;
    return true;
  }

  /** RFC 3758 §3.5 C3: all fragments of the message are abandoned together. */
  private void abandonMessage(long tsn) {
    long first = tsn;
    while (first > head && (flags[(int) (first & mask)] & ChunkType.FLAG_BEGIN) == 0) {
      first--;
    }
    long last = tsn;
    while (last < tail - 1 && (flags[(int) (last & mask)] & ChunkType.FLAG_END) == 0) {
      last++;
    }
    for (long t = first; t <= last; t++) {
      int s = (int) (t & mask);
      if (state[s] != ABANDONED) {
        leave(s);
        unqueue(s);
        state[s] = ABANDONED;
        data[s] = null;
      }
    }
  }

  private void unqueue(int s) {
    queuedBytes -= length[s];
    if (ppid[s] != Dcep.PPID) {
      queuedPerStream[stream[s]] -= length[s];
    }
  }

  private void leave(int s) {
    if (state[s] == IN_FLIGHT) {
      flight -= length[s];
    } else if (state[s] == RETRANSMIT) {
      retransmitPending--;
    }
  }

  private void release(int s) {
    leave(s);
    if (state[s] != ABANDONED) {
      unqueue(s);
    }
    state[s] = ACKED;
    data[s] = null;
  }

  /** RFC 3758 §3.5 C2: the last TSN of the run of abandoned chunks starting at the head. */
  long advancedPeerAckPoint() {
    long t = head;
    while (t < tail && state[(int) (t & mask)] == ABANDONED) {
      t++;
    }
    return t - 1;
  }

  /**
   * Writes a FORWARD TSN (RFC 3758 §3.2) up to {@code point}, naming the highest abandoned SSN of
   * each ordered stream; {@code streams}/{@code ssns} are scratch arrays.
   */
  void writeForwardTsn(PacketWriter w, long point, int[] streams, int[] ssns) {
    int n = 0;
    for (long t = head; t <= point; t++) {
      int s = (int) (t & mask);
      if ((flags[s] & ChunkType.FLAG_UNORDERED) != 0) {
        continue;
      }
      int i = 0;
      while (i < n && streams[i] != stream[s]) {
        i++;
      }
      if (i == n && n < streams.length) {
        streams[n] = stream[s];
        ssns[n++] = ssn[s];
      } else if (i < n && (short) (ssn[s] - ssns[i]) > 0) {
        ssns[i] = ssn[s];
      }
    }
    w.startChunk(ChunkType.FORWARD_TSN, 0);
    w.u32(point);
    for (int i = 0; i < n; i++) {
      w.u16(streams[i]);
      w.u16(ssns[i]);
    }
    w.endChunk();
  }
}
