package io.switchboard.sfu.transport.sctp;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns accepted DATA chunks into messages (RFC 9260 §6.5, §6.9): fragments are joined by TSN,
 * unordered messages are delivered as soon as complete, ordered ones by stream sequence number. A
 * message in one chunk that is next in order costs only the payload array handed out; fragments
 * and early ordered messages are buffered (and counted against the receive window).
 */
final class Reassembler {
  /** Receives complete messages; the payload array belongs to the receiver. */
  interface Sink {
    void message(int stream, int ppid, byte[] payload);
  }

  private record Fragment(int stream, int ssn, int ppid, int flags, byte[] data) {}

  private record Early(int ppid, byte[] payload) {}

  private final Sink sink;
  private final int maxMessageSize;
  private final int[] nextSsn;
  private final int[] earlyCount;
  private final TreeMap<Long, Fragment> fragments = new TreeMap<>();
  private final Map<Integer, Early> early = new HashMap<>();
  private final InOrderAssembly inOrder; // when active, fragments is empty
  private long bufferedBytes;
  private long oversizedDropped;

  Reassembler(Sink sink, int streams, int maxMessageSize) {
    this.sink = sink;
    this.maxMessageSize = maxMessageSize;
    this.nextSsn = new int[streams];
    this.earlyCount = new int[streams];
    this.inOrder = new InOrderAssembly(maxMessageSize);
  }

  int streams() {
    return nextSsn.length;
  }

  long bufferedBytes() {
    return bufferedBytes;
  }

  long oversizedDropped() {
    return oversizedDropped;
  }

  /** Takes a new (not duplicate) DATA chunk whose stream is below {@link #streams()}. */
  void chunk(long tsn, int stream, int ssn, int ppid, int flags, byte[] b, int off, int len) {
    boolean whole =
        (flags & (ChunkType.FLAG_BEGIN | ChunkType.FLAG_END))
            == (ChunkType.FLAG_BEGIN | ChunkType.FLAG_END);
    if (whole) {
      complete(stream, ssn, ppid, (flags & ChunkType.FLAG_UNORDERED) != 0, copy(b, off, len));
      return;
    }
    if (inOrder.active() && inOrder.continues(tsn) && inOrder.append(b, off, len)) {
      bufferedBytes += len;
      if ((flags & ChunkType.FLAG_END) != 0) {
        bufferedBytes -= inOrder.length();
        int s = inOrder.stream;
        int q = inOrder.ssn;
        int p = inOrder.ppid;
        boolean unordered = (inOrder.flags & ChunkType.FLAG_UNORDERED) != 0;
        complete(s, q, p, unordered, inOrder.take());
      }
      return;
    }
    if (!inOrder.active() && fragments.isEmpty() && (flags & ChunkType.FLAG_BEGIN) != 0) {
      inOrder.begin(tsn, stream, ssn, ppid, flags);
      if (inOrder.append(b, off, len)) {
        bufferedBytes += len;
        return;
      }
      inOrder.reset();
    }
    spill();
    fragments.put(tsn, new Fragment(stream, ssn, ppid, flags, copy(b, off, len)));
    bufferedBytes += len;
    assemble(tsn);
  }

  /** Out of order after all: what was gathered becomes one beginning fragment at its last TSN. */
  private void spill() {
    if (inOrder.active()) {
      long last = inOrder.lastTsn();
      Fragment head = new Fragment(inOrder.stream, inOrder.ssn, inOrder.ppid, inOrder.flags,
          inOrder.take());
      fragments.put(last, head);
    }
  }

  private static byte[] copy(byte[] b, int off, int len) {
    byte[] out = new byte[len];
    System.arraycopy(b, off, out, 0, len);
    return out;
  }

  /** Looks for B...E with consecutive TSNs around a new fragment (RFC 9260 §6.9). */
  private void assemble(long tsn) {
    long first = tsn;
    Fragment f;
    while ((f = fragments.get(first)) != null && (f.flags & ChunkType.FLAG_BEGIN) == 0) {
      first--;
    }
    if (f == null) {
      return;
    }
    long last = tsn;
    while ((f = fragments.get(last)) != null && (f.flags & ChunkType.FLAG_END) == 0) {
      last++;
    }
    if (f == null) {
      return;
    }
    long size = 0;
    for (long t = first; t <= last; t++) {
      size += fragments.get(t).data.length;
    }
    Fragment head = fragments.get(first);
    byte[] payload = size <= maxMessageSize ? new byte[(int) size] : null;
    int at = 0;
    for (long t = first; t <= last; t++) {
      Fragment part = fragments.remove(t);
      bufferedBytes -= part.data.length;
      if (payload != null) {
        System.arraycopy(part.data, 0, payload, at, part.data.length);
        at += part.data.length;
      }
    }
    boolean unordered = (head.flags & ChunkType.FLAG_UNORDERED) != 0;
    if (payload == null) {
      oversizedDropped++;
      if (!unordered) {
        skipTo(head.stream, head.ssn); // keeps later messages of the stream flowing
      }
      return;
    }
    complete(head.stream, head.ssn, head.ppid, unordered, payload);
  }

  private void complete(int stream, int ssn, int ppid, boolean unordered, byte[] payload) {
    if (unordered) {
      sink.message(stream, ppid, payload);
      return;
    }
    if (ssn != nextSsn[stream]) {
      early.put(key(stream, ssn), new Early(ppid, payload));
      earlyCount[stream]++;
      bufferedBytes += payload.length;
      return;
    }
    nextSsn[stream] = (ssn + 1) & 0xffff;
    sink.message(stream, ppid, payload);
    deliverEarly(stream);
  }

  private void deliverEarly(int stream) {
    while (earlyCount[stream] > 0) {
      Early e = early.remove(key(stream, nextSsn[stream]));
      if (e == null) {
        return;
      }
      earlyCount[stream]--;
      bufferedBytes -= e.payload.length;
      nextSsn[stream] = (nextSsn[stream] + 1) & 0xffff;
      sink.message(stream, e.ppid, e.payload);
    }
  }

  /**
   * Applies a FORWARD TSN (RFC 3758 §3.6): fragments up to the new cumulative TSN are dropped, and
   * each ordered stream listed skips to just after the abandoned sequence number.
   */
  void forward(long newCumulative, int[] streams, int[] ssns, int count) {
    if (inOrder.active() && inOrder.firstTsn() <= newCumulative) {
      bufferedBytes -= inOrder.length();
      inOrder.reset();
    }
    while (!fragments.isEmpty() && fragments.firstKey() <= newCumulative) {
      bufferedBytes -= fragments.pollFirstEntry().getValue().data.length;
    }
    for (int i = 0; i < count; i++) {
      if (streams[i] < nextSsn.length) {
        skipTo(streams[i], ssns[i]);
      }
    }
  }

  /** Moves the stream past {@code ssn}, delivering complete messages it passes over. */
  private void skipTo(int stream, int ssn) {
    if ((short) (ssn - nextSsn[stream]) < 0) {
      return; // already past it
    }
    while (true) {
      int s = nextSsn[stream];
      nextSsn[stream] = (s + 1) & 0xffff;
      Early kept = earlyCount[stream] > 0 ? early.remove(key(stream, s)) : null;
      if (kept != null) {
        earlyCount[stream]--;
        bufferedBytes -= kept.payload.length;
        sink.message(stream, kept.ppid, kept.payload);
      }
      if (s == ssn) {
        break;
      }
    }
    deliverEarly(stream);
  }

  /** After a stream reset (RFC 6525 §5.2.2) the peer numbers the stream from 0 again. */
  void resetStream(int stream) {
    if (stream < nextSsn.length) {
      nextSsn[stream] = 0;
    }
  }

  private static int key(int stream, int ssn) {
    return stream << 16 | ssn;
  }
}
