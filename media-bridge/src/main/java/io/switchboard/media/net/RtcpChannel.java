package io.switchboard.media.net;

import io.switchboard.media.rtp.RtcpReportBlock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The RTCP socket of a leg: periodic reports out, the remote's reports and BYE in. RTCP is
 * accepted from the media source's IP address (any port), and answered where it came from
 * (symmetric RTCP), else at the signalled RTCP address. Shares the leg's lock.
 */
final class RtcpChannel {
  private final UdpEndpoint endpoint;
  private final RtcpSession session;
  private final RtpSender sender;
  private final RtpReceiver receiver;
  private final Object lock;
  private final Clock clock;
  private final Consumer<RtpLegEvent> events;
  private final AtomicLong sendErrors;
  private final byte[] in = new byte[UdpEndpoint.MAX_DATAGRAM];
  private final byte[] out = new byte[UdpEndpoint.MAX_DATAGRAM];
  private volatile InetSocketAddress signalled;
  private volatile InetSocketAddress learned;
  private volatile PacketProtection protection;

  RtcpChannel(UdpEndpoint endpoint, RtcpSession session, RtpSender sender, RtpReceiver receiver,
      Object lock, Clock clock, Consumer<RtpLegEvent> events, AtomicLong sendErrors) {
    this.endpoint = endpoint;
    this.session = session;
    this.sender = sender;
    this.receiver = receiver;
    this.lock = lock;
    this.clock = clock;
    this.events = events;
    this.sendErrors = sendErrors;
  }

  InetSocketAddress localAddress() {
    return endpoint.localAddress();
  }

  void setRemote(InetSocketAddress rtcpAddress) {
    signalled = rtcpAddress;
    learned = null;
  }

  void setProtection(PacketProtection newProtection) {
    protection = newProtection;
  }

  void sendReportIfDue(long now) {
    int length;
    synchronized (lock) {
      if (!session.due(now)) {
        return;
      }
      length = build(now, null);
    }
    send(length);
  }

  void sendBye(long now, String reason) {
    int length;
    synchronized (lock) {
      length = build(now, reason);
    }
    send(length);
  }

  /** Caller holds the lock. */
  private int build(long now, String byeReason) {
    long packets = sender.packets;
    RtcpSession.SenderState senderState = packets == 0 ? null
        : new RtcpSession.SenderState(sender.ssrc(), packets, sender.octets,
            sender.lastTimestamp + (int) ((now - sender.lastSendMillis) * sender.clockRate / 1000));
    return session.buildReport(now, sender.ssrc(), senderState, receiver.statistics(), byeReason, out);
  }

  private void send(int length) {
    InetSocketAddress target = learned != null ? learned : signalled;
    PacketProtection p = protection;
    if (p != null && target != null && (length = p.protectRtcp(out, length)) < 0) {
      sendErrors.incrementAndGet();
      return;
    }
    if (target != null && !endpoint.send(out, length, target)) {
      sendErrors.incrementAndGet();
    }
  }

  /** Receives until the socket closes. */
  void receiveLoop() {
    while (endpoint.isOpen()) {
      InetSocketAddress from;
      try {
        from = endpoint.receive(in);
      } catch (IOException e) {
        continue; // closed (the loop ends) or a transient error
      }
      String bye;
      synchronized (lock) {
        InetSocketAddress media =
            receiver.lockedSource() != null ? receiver.lockedSource() : receiver.signalledSource();
        if (media == null || !media.getAddress().equals(from.getAddress())) {
          receiver.droppedUnknownSource++;
          continue;
        }
        int length = endpoint.receivedLength();
        PacketProtection p = protection;
        if (p != null && (length = p.unprotectRtcp(in, length)) < 0) {
          receiver.droppedMalformed++;
          continue;
        }
        learned = from;
        bye = session.onCompound(in, length, clock.millis(), sender.ssrc());
      }
      if (bye != null) {
        events.accept(new RtpLegEvent.RemoteBye(bye));
      }
    }
  }

  /** Caller holds the lock. */
  long sent() {
    return session.sent;
  }

  /** Caller holds the lock. */
  long received() {
    return session.received;
  }

  /** Caller holds the lock. */
  RtcpReportBlock remoteReport() {
    return session.remoteReport();
  }

  void close() throws IOException {
    endpoint.close();
  }
}
