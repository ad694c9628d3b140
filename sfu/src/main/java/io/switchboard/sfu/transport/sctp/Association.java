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
  private final LocalParameters local;
  private final Runnable timerTask = this::onTimer;
  private SctpState state = SctpState.CLOSED;
  private boolean ended;
  private int peerTag;
  private int peerStreams;
  private boolean peerReconfig;
  private final ControlTimers timers;
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
    this.local = new LocalParameters(config, random);
    this.chunks = new Chunks(this, local, wire, sender, inbound, reassembler, resets, rto);
    this.timers = new ControlTimers(this, chunks, rto, config);
    sender.start(local.initialTsn);
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
    timers.initSent(now());
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
    if (stream >= config.streams() || (peerStreams > 0 && stream >= peerStreams)) {
      throw new IllegalArgumentException("stream " + stream + " is beyond the negotiated streams");
    }
    long expires = lifetimeMillis < 0 ? Long.MAX_VALUE : now() + lifetimeMillis;
    if (!sender.enqueue(stream, ppid, unordered, maxRtx, expires, msg, off, len)) {
      return false;
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

  synchronized long bufferedBytes(int stream) {
    return stream < config.streams() ? sender.queuedBytes(stream) : 0;
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

  // ---- used by Chunks and ControlTimers, under the lock ----

  int peerTag() {
    return peerTag;
  }

  void setState(SctpState next) {
    state = next;
  }

  int receiveWindow() {
    return config.receiveWindow();
  }

  long window() {
    return Math.max(0, config.receiveWindow() - reassembler.bufferedBytes());
  }

  /** Fixes the peer's parameters, from its INIT ACK or from our cookie in its COOKIE ECHO. */
  void peerKnown(int tag, int initialTsn, long window, int inboundStreams, boolean forwardTsn,
      boolean reconfig) {
    peerTag = tag;
    peerStreams = Math.min(inboundStreams, config.streams());
    peerReconfig = reconfig;
    inbound.reset(initialTsn);
    sender.established(tag, window, forwardTsn);
    resets.start(local.initialTsn, initialTsn);
  }

  void cookieToEcho(byte[] cookie, long now) {
    timers.echoCookie(cookie, now);
  }

  void established() {
    timers.established();
    state = SctpState.ESTABLISHED;
    upper.established();
  }

  void startShutdownTimer(long now) {
    timers.restartShutdown(now);
  }

  void end(String reason, boolean fromPeer) {
    if (ended) {
      return;
    }
    ended = true;
    state = SctpState.CLOSED;
    timers.stop();
    log.debug("SCTP association ended: {}", reason);
    upper.closed(fromPeer ? "peer " + reason : reason);
  }

  boolean ended() {
    return ended;
  }

  void sendInit() {
    local.init(null).write(wire.room(0, 64));
    wire.flush();
  }

  @Override
  public void outgoingReset(int[] streams, int count) {
    for (int i = 0; i < count; i++) {
      sender.resetStream(streams[i]);
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
      timers.shutdownSent(now);
    } else if (state == SctpState.SHUTDOWN_RECEIVED) {
      chunks.writeShutdownAck();
      state = SctpState.SHUTDOWN_ACK_SENT;
      timers.shutdownSent(now);
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
    timers.expire(now, state);
    if (ended) {
      return;
    }
    if (now >= sender.t3Deadline()
        && sender.onT3Expired(now) > config.maxRetransmits()) {
      abort("peer unreachable: " + config.maxRetransmits() + " retransmission timeouts in a row");
      return;
    }
    if (now >= resets.deadline()) {
      resets.onTimer(wire, peerTag, sender.lastAssignedTsn(), now, rto.rto());
    }
  }

  private void arm(long now) {
    if (ended) {
      return;
    }
    long next = Math.min(timers.next(), Math.min(sender.t3Deadline(), resets.deadline()));
    if (next != NONE && next < wakeAt) {
      wakeAt = next;
      scheduler.schedule(timerTask, Math.max(0, next - now));
    }
  }

  private long now() {
    return clock.millis();
  }
}
