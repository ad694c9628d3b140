package io.switchboard.media.net;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.dtmf.DtmfDigit;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One call's RTP and RTCP over UDP.
 *
 * <p>As an {@link AudioSource} it plays the remote's audio out of a jitter buffer, decoded with
 * the negotiated codec and concealed on loss; as an {@link AudioSink} it encodes, packetises and
 * sends one frame per call, replacing audio with RFC 4733 events while a queued digit is sent.
 * Media is accepted only from the learned source (symmetric RTP, see {@link SourceLatch}) and
 * sent back to it. {@link #tick()} sends RTCP reports and decides media timeouts from the
 * injected clock. Events are delivered on the receive threads: handlers must not block.
 *
 * <p>Threads: one receive task per socket runs on the given executor (virtual threads suit);
 * {@link #read} is called from one media thread, {@link #write} from one media thread,
 * {@link #tick} from one housekeeping thread; the rest from any thread.
 */
public final class RtpLeg implements AudioSource, AudioSink, AutoCloseable {
  /** Guards the receive path and RTCP state; a monitor, so contention allocates nothing. */
  private final Object lock = new Object();
  private final Clock clock;
  private final Consumer<RtpLegEvent> events;
  private final UdpEndpoint rtp;
  private final Runnable onClose;
  private final RtpReceiver receiver;
  private final RtpSender sender = new RtpSender(ThreadLocalRandom.current());
  private final RtcpChannel rtcp;
  private final RtpPlayout playout;
  private final MediaTimeoutWatch timeoutWatch;
  private final AtomicLong sendErrors = new AtomicLong();
  private final byte[] rtpDatagram = new byte[UdpEndpoint.MAX_DATAGRAM];
  /** Stands in for a frame at the previous codec's rate; used by the {@link #write} thread only. */
  private final PcmFrame rateChangeSilence = new PcmFrame(8000);

  private volatile MediaFormat format;
  /** Null for plain RTP; set once SDP agrees on SRTP keys. */
  private volatile PacketProtection protection;
  private volatile InetSocketAddress sendTarget;
  private volatile boolean closed;

  private RtpLeg(RtpLegConfig config, UdpEndpoint rtp, UdpEndpoint rtcpEndpoint, Clock clock,
      Consumer<RtpLegEvent> events, Runnable onClose) {
    this.rtp = rtp;
    this.clock = clock;
    this.events = events;
    this.onClose = onClose;
    long now = clock.millis();
    this.receiver = new RtpReceiver(config);
    this.receiver.expect(null, now);
    this.rtcp = new RtcpChannel(rtcpEndpoint,
        new RtcpSession(config.cname(), config.rtcpInterval().toMillis(), now),
        sender, receiver, lock, clock, events, sendErrors);
    this.playout = new RtpPlayout(receiver, lock);
    this.timeoutWatch = new MediaTimeoutWatch(now, config.initialMediaTimeout(), config.mediaTimeout());
  }

  /**
   * Binds the leg's sockets ({@code config.localPort()} and the next, or two ephemeral ports)
   * and starts its receive tasks on {@code receiveExecutor}.
   */
  public static RtpLeg open(RtpLegConfig config, Executor receiveExecutor, Clock clock,
      Consumer<RtpLegEvent> events) throws IOException {
    return open(config, receiveExecutor, clock, events, () -> {});
  }

  /** Like {@link #open}, on a pair from {@code ports}; the pair is released on {@link #close()}. */
  public static RtpLeg openOnAllocatedPort(RtpPortAllocator ports, RtpLegConfig config,
      Executor receiveExecutor, Clock clock, Consumer<RtpLegEvent> events, int attempts)
      throws IOException {
    BindException last = null;
    for (int i = 0; i < attempts; i++) {
      int port = ports.allocate();
      try {
        return open(config.withLocalPort(port), receiveExecutor, clock, events, () -> ports.release(port));
      } catch (BindException e) {
        ports.release(port); // taken by another process; quarantine it and try the next
        last = e;
      }
    }
    throw new BindException("no bindable RTP port pair after " + attempts + " attempts"
        + (last == null ? "" : ": " + last.getMessage()));
  }

  private static RtpLeg open(RtpLegConfig config, Executor receiveExecutor, Clock clock,
      Consumer<RtpLegEvent> events, Runnable onClose) throws IOException {
    UdpEndpoint rtp = UdpEndpoint.bind(new InetSocketAddress(config.localAddress(), config.localPort()));
    UdpEndpoint rtcp;
    try {
      int rtcpPort = config.localPort() == 0 ? 0 : config.localPort() + 1;
      rtcp = UdpEndpoint.bind(new InetSocketAddress(config.localAddress(), rtcpPort));
    } catch (IOException | RuntimeException e) {
      rtp.close();
      throw e;
    }
    RtpLeg leg = new RtpLeg(config, rtp, rtcp, clock, events, onClose);
    receiveExecutor.execute(leg::receiveRtp);
    receiveExecutor.execute(leg.rtcp::receiveLoop);
    return leg;
  }

  public InetSocketAddress localRtpAddress() {
    return rtp.localAddress();
  }

  public InetSocketAddress localRtcpAddress() {
    return rtcp.localAddress();
  }

  /** SSRC of the stream this leg sends. */
  public int ssrc() {
    return sender.ssrc();
  }

  /**
   * Sets (or changes, after a re-INVITE) where the remote said it receives media, and restarts
   * source learning.
   *
   * @param rtcpAddress the remote RTCP address, or null for the RTP port + 1
   */
  public void setRemote(InetSocketAddress rtpAddress, InetSocketAddress rtcpAddress) {
    if (rtpAddress.isUnresolved()) {
      throw new IllegalArgumentException("remote RTP address is unresolved: " + rtpAddress);
    }
    synchronized (lock) {
      receiver.expect(rtpAddress, clock.millis());
      sendTarget = rtpAddress;
      rtcp.setRemote(rtcpAddress != null ? rtcpAddress
          : new InetSocketAddress(rtpAddress.getAddress(), rtpAddress.getPort() + 1));
    }
  }

  /** Adopts the codec and payload types negotiated in SDP (again after a re-INVITE). */
  public void setMediaFormat(MediaFormat negotiated) {
    synchronized (lock) {
      receiver.setFormat(negotiated);
      format = negotiated;
    }
  }

  /**
   * Protects what this leg sends and unprotects what it receives (RTP and RTCP), e.g. SRTP with
   * SDES keys; null returns to plain RTP. Packets failing {@code unprotect} are dropped and
   * counted as malformed.
   */
  public void setProtection(PacketProtection newProtection) {
    PacketProtection old;
    synchronized (lock) {
      old = protection;
      protection = newProtection;
      rtcp.setProtection(newProtection);
    }
    if (old != null && old != newProtection) {
      old.close();
    }
  }

  /**
   * Queues digits to send as RFC 4733 events, driven by the {@link #write} ticks.
   *
   * @throws IllegalStateException if no telephone-event payload type was negotiated
   * @throws IllegalArgumentException naming the first character that is not a DTMF digit
   */
  public void sendDtmf(CharSequence digits) {
    MediaFormat current = format;
    if (current == null || !current.hasTelephoneEvents()) {
      throw new IllegalStateException("cannot send DTMF: the remote did not negotiate telephone-event");
    }
    DtmfDigit[] parsed = new DtmfDigit[digits.length()];
    for (int i = 0; i < parsed.length; i++) {
      parsed[i] = DtmfDigit.ofSymbol(digits.charAt(i));
    }
    sender.queueDigits(parsed);
  }

  @Override
  public int sampleRate() {
    MediaFormat current = format;
    return current == null ? 8000 : current.codec().sampleRate();
  }

  @Override
  public boolean read(PcmFrame into) {
    MediaFormat current = format;
    return current != null && playout.read(into, current);
  }

  @Override
  public void write(PcmFrame frame) {
    MediaFormat current = format;
    if (current == null || closed) {
      return;
    }
    int rate = current.codec().sampleRate();
    if (frame.sampleRate() != rate) {
      // SDP changed the codec (say G.711 to Opus) between the caller asking sampleRate() and this
      // write: the tick goes out as silence at the new rate rather than failing in the encoder.
      rateChangeSilence.setSampleRate(rate);
      rateChangeSilence.silence();
      frame = rateChangeSilence;
    }
    int length = sender.build(frame, current);
    InetSocketAddress target = sendTarget;
    if (target == null) {
      return;
    }
    PacketProtection p = protection;
    if (p != null) {
      length = p.protectRtp(sender.packet(), length);
      if (length < 0) {
        sendErrors.incrementAndGet();
        return;
      }
    }
    if (rtp.send(sender.packet(), length, target)) {
      sender.sent(length, clock.millis());
    } else {
      sendErrors.incrementAndGet();
    }
  }

  /**
   * Housekeeping; call every second or so (or on every media tick). Reports a media timeout
   * once per silent spell and sends an RTCP report when one is due.
   */
  public void tick() {
    if (closed) {
      return;
    }
    long now = clock.millis();
    long lastMedia;
    synchronized (lock) {
      lastMedia = receiver.lastMediaMillis;
    }
    Duration silent = timeoutWatch.check(now, lastMedia);
    if (silent != null) {
      events.accept(new RtpLegEvent.MediaTimeout(silent));
    }
    rtcp.sendReportIfDue(now);
  }

  private void receiveRtp() {
    while (rtp.isOpen()) {
      InetSocketAddress from;
      try {
        from = rtp.receive(rtpDatagram);
      } catch (IOException e) {
        continue; // closed (the loop ends) or a transient error
      }
      boolean locked;
      DtmfDigit digit;
      synchronized (lock) {
        int length = rtp.receivedLength();
        PacketProtection p = protection;
        if (p != null && (length = p.unprotectRtp(rtpDatagram, length)) < 0) {
          receiver.droppedMalformed++;
          continue;
        }
        receiver.onDatagram(from, rtpDatagram, length, clock.millis());
        locked = receiver.lockedNow();
        digit = receiver.digitNow();
        if (locked) {
          sendTarget = from; // symmetric RTP: answer where the media comes from
        }
      }
      if (locked) {
        events.accept(new RtpLegEvent.SourceLocked(from));
      }
      if (digit != null) {
        events.accept(new RtpLegEvent.DtmfReceived(digit));
      }
    }
  }

  public RtpLegStats stats() {
    synchronized (lock) {
      var statistics = receiver.statistics();
      return new RtpLegStats(
          sender.packets, sender.octets, receiver.packets, receiver.octets,
          receiver.droppedUnknownSource, receiver.droppedMalformed, receiver.droppedUnknownPayloadType,
          receiver.digits, sender.digits, rtcp.sent(), rtcp.received(), sendErrors.get(),
          Optional.ofNullable(receiver.lockedSource()),
          statistics == null ? 0 : statistics.cumulativeLost(),
          statistics == null ? 0 : statistics.jitterMillis(),
          receiver.jitter().stats(),
          Optional.ofNullable(rtcp.remoteReport()));
    }
  }

  /** Sends an RTCP BYE, closes both sockets (ending the receive tasks) and releases the port. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    rtcp.sendBye(clock.millis(), "hangup");
    closeQuietly(rtp::close);
    closeQuietly(rtcp::close);
    PacketProtection p = protection;
    if (p != null) {
      p.close();
    }
    onClose.run();
  }

  private static void closeQuietly(AutoCloseable socket) {
    try {
      socket.close();
    } catch (Exception ignored) {
      // closing a datagram channel has nothing left to flush
    }
  }
}
