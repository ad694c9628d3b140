package io.switchboard.sfu.transport.dtls;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;

/**
 * Turns pushed datagrams into the pull that BouncyCastle's DTLS wants (the JVB DtlsStack idea): the
 * network thread {@link #offer}s copies into a bounded queue, and BC's {@link #receive} polls it.
 * Sends go straight to the sender. During the handshake records are rare and copied; afterwards
 * (data channels) the draining thread {@link #lend}s each record instead.
 */
final class QueuedDatagramTransport implements DatagramTransport {
  /** Limits as in BC's UDPTransport for a 1500-byte MTU: IP (20 to 84) and UDP (8) overhead. */
  private static final int MTU = 1500;

  private static final byte[] WAKE_UP = new byte[0];

  private final BlockingQueue<byte[]> incoming = new ArrayBlockingQueue<>(64);
  private final DtlsStack.Sender sender;
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;
  private volatile boolean nonBlocking;
  // After the handshake, a record being drained is lent rather than copied (guarded by the drain).
  private byte[] lentBuf;
  private int lentOff;
  private int lentLen;

  QueuedDatagramTransport(DtlsStack.Sender sender) {
    this.sender = sender;
  }

  void offer(byte[] buf, int off, int len) {
    if (closed || !incoming.offer(java.util.Arrays.copyOfRange(buf, off, off + len))) {
      dropped.incrementAndGet();
    }
  }

  /**
   * Lends BC one record for the next {@link #receive}, without a copy; only after {@link
   * #stopBlocking}, by the thread draining the DTLS transport.
   */
  void lend(byte[] buf, int off, int len) {
    lentBuf = buf;
    lentOff = off;
    lentLen = len;
  }

  /** After the handshake only queued records are read; nobody should wait for more. */
  void stopBlocking() {
    nonBlocking = true;
  }

  long dropped() {
    return dropped.get();
  }

  @Override
  public int getReceiveLimit() {
    return MTU - 20 - 8;
  }

  @Override
  public int getSendLimit() {
    return MTU - 84 - 8;
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    if (closed) {
      throw new IOException("DTLS transport closed");
    }
    byte[] datagram;
    try {
      datagram = nonBlocking ? incoming.poll() : incoming.poll(waitMillis, TimeUnit.MILLISECONDS);
      if (datagram == null && lentBuf != null) { // queued records first: they are older
        int n = Math.min(len, lentLen);
        System.arraycopy(lentBuf, lentOff, buf, off, n);
        lentBuf = null;
        return n;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for DTLS records", e);
    }
    if (datagram == null) {
      return -1;
    }
    if (datagram == WAKE_UP || closed) {
      throw new IOException("DTLS transport closed");
    }
    int n = Math.min(len, datagram.length);
    System.arraycopy(datagram, 0, buf, off, n);
    return n;
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("DTLS transport closed");
    }
    sender.send(buf, off, len);
  }

  @Override
  public void close() {
    closed = true;
    incoming.clear();
    incoming.offer(WAKE_UP); // wakes a handshake blocked in receive()
  }
}
