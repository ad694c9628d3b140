package io.switchboard.sfu.transport;

import io.switchboard.sfu.transport.srtp.PacketBuffer;
import io.switchboard.sfu.transport.srtp.SrtpSession;
import io.switchboard.sfu.transport.srtp.SrtpStatus;

/**
 * The per-packet media path of a transport: unprotect what arrives and hand it on, protect a copy
 * of what leaves and send it. Allocates nothing per packet; until keys are installed media is
 * dropped and counted.
 */
final class SrtpPath implements AutoCloseable {
  /** Room for the SRTCP index and the largest tag after a packet we protect. */
  private static final int TAIL_ROOM = 4 + 16;

  /** Sends a protected datagram; false if it could not be sent. */
  @FunctionalInterface
  interface Sender {
    boolean send(byte[] buf, int off, int len);
  }

  private final Sender sender;
  private final WebRtcTransport.MediaHandler media;
  private final TransportCounters counters;
  private final PacketBuffer received = new PacketBuffer(0);
  private final PacketBuffer outgoing = new PacketBuffer(1500 + TAIL_ROOM);
  private volatile SrtpSession session;

  SrtpPath(Sender sender, WebRtcTransport.MediaHandler media, TransportCounters counters) {
    this.sender = sender;
    this.media = media;
    this.counters = counters;
  }

  void install(SrtpSession keys) {
    session = keys;
  }

  boolean ready() {
    return session != null;
  }

  void receive(byte[] buf, int off, int len, boolean rtcp) {
    SrtpSession s = session;
    if (s == null) {
      counters.droppedBeforeKeys.increment();
      return;
    }
    synchronized (received) { // a shared port may deliver on one thread per local address
      received.wrap(buf, off, len);
      SrtpStatus status = rtcp ? s.unprotectRtcp(received) : s.unprotectRtp(received);
      if (status != SrtpStatus.OK) {
        counters.srtpRejected.increment();
        return;
      }
      if (rtcp) {
        counters.rtcpReceived.increment();
        media.onRtcp(received.buffer(), received.offset(), received.length());
      } else {
        counters.rtpReceived.increment();
        media.onRtp(received.buffer(), received.offset(), received.length());
      }
    }
  }

  boolean send(byte[] buf, int off, int len, boolean rtcp) {
    SrtpSession s = session;
    if (s == null) {
      return false;
    }
    synchronized (outgoing) {
      // Protect a copy: a forwarder sends the same plaintext to many peers, each with its own keys.
      outgoing.copyFrom(buf, off, len, 0, TAIL_ROOM);
      SrtpStatus status = rtcp ? s.protectRtcp(outgoing) : s.protectRtp(outgoing);
      if (status == SrtpStatus.OK
          && sender.send(outgoing.buffer(), outgoing.offset(), outgoing.length())) {
        counters.sent.increment();
        return true;
      }
      counters.sendFailures.increment();
      return false;
    }
  }

  /** Wipes the keys; nothing is sent or received after this. */
  @Override
  public void close() {
    SrtpSession s = session;
    session = null;
    if (s != null) {
      s.close();
    }
  }
}
