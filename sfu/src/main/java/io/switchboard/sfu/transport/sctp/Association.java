package io.switchboard.sfu.transport.sctp;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SCTP association over DTLS (RFC 8261): the state machine of RFC 9260 §4-§5 and §9 for both
 * the initiating and the listening side, including simultaneous INITs (§5.2.1), with the data path
 * in {@link DataSender}, {@link InboundTsns} and {@link Reassembler}. Every entry point holds the
 * association's lock; the {@link Upper} layer is called under it and must not block.
 */
final class Association implements StreamResets.Listener {
  /** The data channel layer above. */
  interface Upper extends Reassembler.Sink, StreamResets.Listener {
    void established();

    void closed(String reason);
  }

  private static final Logger log = LoggerFactory.getLogger(Association.class);
  private static final long NONE = DataSender.NO_DEADLINE;
  private static final int TSN_WINDOW = 16384;

  private final SctpConfig config;
  private final SctpScheduler scheduler;
  private final Clock clock;
  private final Upper upper;
  private final Wire wire;
  private final PacketReader reader = new PacketReader();
  private final RtoEstimator rto;
  private final DataSender sender;
  private final InboundTsns inbound = new InboundTsns(TSN_WINDOW);
  private final Reassembler reassembler;
  private final StreamResets resets;
  private final Chunks chunks;
  private final byte[] cookieSecret = new byte[32];
  private final int localTag;
  private final int localInitialTsn;
  private final int[] nextSsn;
  private final Runnable timerTask = this::onTimer;
  private SctpState state = SctpState.CLOSED;
  private boolean ended;
  private int peerTag;
  private int peerStreams;
  private boolean peerReconfig;
  private byte[] cookieToEcho;
  private long t1Deadline = NONE;
  private int t1Attempts;
  private long t2Deadline = NONE;
  private int t2Attempts;
  private long wakeAt = NONE;
  private int remoteMaxMessageSize = Integer.MAX_VALUE;
  private boolean busy; // inside receive or a timer: finish() runs once at the end

  Association(SctpConfig config, PacketSender out, SctpScheduler scheduler, Clock clock,
      RandomGenerator random, Upper upper) {
    this.config = config;
    this.scheduler = scheduler;
    this.clock = clock;
    this.upper = upper;
    this.wire = new Wire(config.mtu(), out, config.port(), config.port());
    this.rto = new RtoEstimator(config.rtoInitialMillis(), config.rtoMinMillis(),
        config.rtoMaxMillis());
    this.sender = new DataSender(config, wire, rto);
    this.reassembler = new Reassembler(upper, config.streams(), config.maxMessageSize());
    this.resets = new StreamResets(this, config.streams());
    this.chunks = new Chunks(this);
    int tag;
    do {
      tag = random.nextInt();
    } while (tag == 0);
    this.localTag = tag;
    this.localInitialTsn = random.nextInt();
    random.nextBytes(cookieSecret);
    this.nextSsn = new int[config.streams()];
    sender.start(localInitialTsn);
  }

  synchronized SctpState state() {
    return state;
  }

  /**
   * Sends INIT (§5.1 A) unless the peer's INIT got there first; the listening side may skip this
   * and wait for the peer's INIT.
   */
  synchronized void connect() {
    if (ended) {
      throw new IllegalStateException("SCTP association already ended");
    }
    if (state != SctpState.CLOSED) {
      return;
    }
    state = SctpState.COOKIE_WAIT;
    sendInit();
    t1Deadline = now() + rto.rto();
    finish();
  }

  /** Takes one SCTP packet from DTLS application data. */
  synchronized void receive(byte[] b, int off, int len) {
    if (ended) {
      return;
    }
    String problem = reader.wrap(b, off, len);
    if (problem != null) {
      chunks.malformed(problem);
      return;
    }
    if (reader.destinationPort() != config.port() || reader.sourcePort() != config.port()) {
      chunks.malformed("SCTP packet for ports " + reader.sourcePort() + " -> "
          + reader.destinationPort() + ", expected " + config.port());
      return;
    }
    busy = true;
    try {
      chunks.process(reader, now());
    } finally {
      busy = false;
    }
    finish();
  }

  /** Queues a message; false if the association is ending or the send buffer is full. */
  synchronized boolean send(int stream, int ppid, boolean unordered, int maxRtx, long lifetimeMillis,
      byte[] msg, int off, int len) {
    if (ended || state.compareTo(SctpState.ESTABLISHED) > 0) {
      return false;
    }
    int max = Math.min(config.maxMessageSize(), remoteMaxMessageSize);
    if (len > max) {
      throw new IllegalArgumentException(
          "message of " + len + " bytes exceeds the maximum message size of " + max);
    }
    if (stream >= nextSsn.length || (peerStreams > 0 && stream >= peerStreams)) {
      throw new IllegalArgumentException("stream " + stream + " is beyond the negotiated streams");
    }
    long expires = lifetimeMillis < 0 ? Long.MAX_VALUE : now() + lifetimeMillis;
    int ssn = unordered ? 0 : nextSsn[stream];
    if (!sender.enqueue(stream, ssn, ppid, unordered, maxRtx, expires, msg, off, len)) {
      return false;
    }
    if (!unordered) {
      nextSsn[stream] = (ssn + 1) & 0xffff;
    }
    finishUnlessBusy();
    return true;
  }

  /** Resets our outgoing stream, as closing a data channel does (RFC 8831 §6.7). */
  synchronized void resetStream(int stream) {
    if (!ended) {
      resets.request(stream);
      finishUnlessBusy();
    }
  }

  synchronized void remoteMaxMessageSize(int bytes) {
    remoteMaxMessageSize = bytes;
  }

  synchronized long bufferedBytes() {
    return sender.queuedBytes();
  }

  /** Graceful shutdown once everything queued is acknowledged (§9.2). */
  synchronized void shutdown() {
    switch (state) {
      case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> end("closed locally", false);
      case ESTABLISHED -> {
        state = SctpState.SHUTDOWN_PENDING;
        finishUnlessBusy();
      }
      case SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED, SHUTDOWN_ACK_SENT -> {}
    }
  }

  /** Sends ABORT and ends at once (§9.1). */
  synchronized void abort(String reason) {
    if (!ended) {
      if (peerTag != 0) {
        chunks.writeEmpty(ChunkType.ABORT);
        wire.flush();
      }
      end(reason, false);
    }
  }

  // ---- used by Chunks, under the lock ----

  int localTag() {
    return localTag;
  }

  int peerTag() {
    return peerTag;
  }

  SctpConfig config() {
    return config;
  }

  Wire wire() {
    return wire;
  }

  DataSender sender() {
    return sender;
  }

  InboundTsns inbound() {
    return inbound;
  }

  Reassembler reassembler() {
    return reassembler;
  }

  StreamResets resets() {
    return resets;
  }

  RtoEstimator rto() {
    return rto;
  }

  void setState(SctpState next) {
    state = next;
  }

  long window() {
    return Math.max(0, config.receiveWindow() - reassembler.bufferedBytes());
  }

  /** The INIT we send, also repeated in INIT ACKs to a simultaneous INIT (§5.2.1). */
  InitChunk ourInit(byte[] cookie) {
    return new InitChunk(localTag, config.receiveWindow(), config.streams(), config.streams(),
        localInitialTsn, cookie, true, true);
  }

  StateCookie cookie(InitChunk peerInit, long now) {
    return StateCookie.from(peerInit, localTag, localInitialTsn, now);
  }

  byte[] cookieSecret() {
    return cookieSecret;
  }

  /** Fixes the peer's parameters, from its INIT ACK or from our cookie in its COOKIE ECHO. */
  void peerKnown(int tag, int initialTsn, long window, int inboundStreams, boolean forwardTsn,
      boolean reconfig) {
    peerTag = tag;
    peerStreams = Math.min(inboundStreams, config.streams());
    peerReconfig = reconfig;
    inbound.reset(initialTsn);
    sender.established(tag, window, forwardTsn);
    resets.start(localInitialTsn, initialTsn);
  }

  void cookieToEcho(byte[] cookie, long now) {
    cookieToEcho = cookie;
    t1Attempts = 0;
    t1Deadline = now + rto.rto();
    chunks.writeCookieEcho(cookie);
  }

  void established() {
    t1Deadline = NONE;
    cookieToEcho = null;
    state = SctpState.ESTABLISHED;
    upper.established();
  }

  void startShutdownTimer(long now) {
    t2Deadline = now + rto.rto();
  }

  void end(String reason, boolean fromPeer) {
    if (ended) {
      return;
    }
    ended = true;
    state = SctpState.CLOSED;
    t1Deadline = t2Deadline = NONE;
    log.debug("SCTP association ended: {}", reason);
    upper.closed(fromPeer ? "peer " + reason : reason);
  }

  boolean ended() {
    return ended;
  }

  private void sendInit() {
    ourInit(null).write(wire.room(0, 64));
    wire.flush();
  }

  @Override
  public void outgoingReset(int[] streams, int count) {
    for (int i = 0; i < count; i++) {
      if (streams[i] < nextSsn.length) {
        nextSsn[streams[i]] = 0;
      }
    }
    upper.outgoingReset(streams, count);
  }

  @Override
  public void incomingReset(int[] streams, int count) {
    for (int i = 0; i < count; i++) {
      reassembler.resetStream(streams[i]);
    }
    upper.incomingReset(streams, count);
  }

  private void finishUnlessBusy() {
    if (!busy) {
      finish();
    }
  }

  /** After any input: sends what is due in as few packets as possible and re-arms the timer. */
  private void finish() {
    long now = now();
    if (!ended) {
      chunks.flushSack();
      switch (state) {
        case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
          sender.transmit(now);
          if (peerReconfig) {
            resets.maybeSend(wire, peerTag, sender.lastAssignedTsn(), now, rto.rto());
          }
          shutdownIfDrained(now);
        }
        case CLOSED, COOKIE_WAIT, COOKIE_ECHOED, SHUTDOWN_SENT, SHUTDOWN_ACK_SENT -> {}
      }
    }
    wire.flush();
    arm(now);
  }

  /** §9.2: SHUTDOWN or SHUTDOWN ACK goes once all our data is acknowledged. */
  private void shutdownIfDrained(long now) {
    if (!sender.allAcked()) {
      return;
    }
    if (state == SctpState.SHUTDOWN_PENDING) {
      chunks.writeShutdown();
      state = SctpState.SHUTDOWN_SENT;
      t2Attempts = 0;
      startShutdownTimer(now);
    } else if (state == SctpState.SHUTDOWN_RECEIVED) {
      chunks.writeShutdownAck();
      state = SctpState.SHUTDOWN_ACK_SENT;
      t2Attempts = 0;
      startShutdownTimer(now);
    }
  }

  private void onTimer() {
    synchronized (this) {
      wakeAt = NONE;
      if (ended) {
        return;
      }
      long now = now();
      busy = true;
      try {
        expire(now);
      } finally {
        busy = false;
      }
      finish();
    }
  }

  private void expire(long now) {
    if (now >= t1Deadline) {
      if (++t1Attempts > config.maxInitRetransmits()) {
        end("did not answer " + (cookieToEcho == null ? "INIT" : "COOKIE ECHO") + " after "
            + config.maxInitRetransmits() + " retransmissions", false);
        return;
      }
      rto.backOff();
      if (cookieToEcho != null) {
        chunks.writeCookieEcho(cookieToEcho);
      } else {
        sendInit();
      }
      t1Deadline = now + rto.rto();
    }
    if (now >= sender.t3Deadline()
        && sender.onT3Expired(now) > config.maxRetransmits()) {
      abort("peer unreachable: " + config.maxRetransmits() + " retransmission timeouts in a row");
      return;
    }
    if (now >= t2Deadline) {
      if (++t2Attempts > config.maxRetransmits()) {
        abort("no answer to SHUTDOWN");
        return;
      }
      rto.backOff();
      if (state == SctpState.SHUTDOWN_SENT) {
        chunks.writeShutdown();
      } else if (state == SctpState.SHUTDOWN_ACK_SENT) {
        chunks.writeShutdownAck();
      }
      t2Deadline = now + rto.rto();
    }
    if (now >= resets.deadline()) {
      resets.onTimer(wire, peerTag, sender.lastAssignedTsn(), now, rto.rto());
    }
  }

  private void arm(long now) {
    if (ended) {
      return;
    }
    long next = Math.min(Math.min(t1Deadline, t2Deadline),
        Math.min(sender.t3Deadline(), resets.deadline()));
    if (next != NONE && next < wakeAt) {
      wakeAt = next;
      scheduler.schedule(timerTask, Math.max(0, next - now));
    }
  }

  private long now() {
    return clock.millis();
  }
}
