package io.switchboard.sfu.transport.sctp;

import java.util.Arrays;

/**
 * The fragments of one message arriving in TSN order, gathered in a buffer reused from message to
 * message: the usual case on a clean path costs only the finished payload array.
 */
final class InOrderAssembly {
  private final int max;
  private byte[] buf = new byte[0];
  private int len;
  private long firstTsn = -1;
  private long nextTsn = -1;
  int stream;
  int ssn;
  int ppid;
  int flags;

  InOrderAssembly(int maxMessageSize) {
    this.max = maxMessageSize;
  }

  boolean active() {
    return nextTsn >= 0;
  }

  /** Whether this chunk continues the message being gathered. */
  boolean continues(long tsn) {
    return tsn == nextTsn;
  }

  void begin(long tsn, int stream, int ssn, int ppid, int flags) {
    this.stream = stream;
    this.ssn = ssn;
    this.ppid = ppid;
    this.flags = flags & ~ChunkType.FLAG_END;
    this.firstTsn = tsn;
    this.nextTsn = tsn;
    this.len = 0;
  }

  /** Appends the next fragment; false, appending nothing, if the message would be too large. */
  boolean append(byte[] b, int off, int n) {
    if (len + n > max) {
      return false;
    }
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.min(max, Math.max(len + n, 2 * buf.length)));
    }
    System.arraycopy(b, off, buf, len, n);
    len += n;
    nextTsn++;
    return true;
  }

  int length() {
    return len;
  }

  long firstTsn() {
    return firstTsn;
  }

  /** The last TSN gathered. */
  long lastTsn() {
    return nextTsn - 1;
  }

  /** The bytes gathered so far, as a new array; the assembly is then idle. */
  byte[] take() {
    byte[] out = Arrays.copyOf(buf, len);
    reset();
    return out;
  }

  void reset() {
    len = 0;
    firstTsn = nextTsn = -1;
  }
}
