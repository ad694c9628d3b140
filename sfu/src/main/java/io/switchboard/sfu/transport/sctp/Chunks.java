package io.switchboard.sfu.transport.sctp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles each chunk of a received packet by type (RFC 9260 §3.3, §5, §6, §8.5 tag rules, §9) and
 * writes the control chunks the association answers with. Runs under the association's lock.
 */
final class Chunks implements Reconfig.Handler {
  private static final Logger log = LoggerFactory.getLogger(Chunks.class);
  private static final int SACK_MAX = 16 + 4 * 80;

  private final Association a;
  private final LocalParameters local;
  private final Wire wire;
  private final DataSender sender;
  private final InboundTsns inbound;
  private final Reassembler reassembler;
  private final StreamResets resets;
  private final RtoEstimator rto;
  private final int[] forwardStreams = new int[256];
  private final int[] forwardSsns = new int[256];
  private boolean sackDue;
  private long malformed;
  private long now;

  Chunks(Association association, LocalParameters local, Wire wire, DataSender sender,
      InboundTsns inbound, Reassembler reassembler, StreamResets resets, RtoEstimator rto) {
    this.a = association;
    this.local = local;
    this.wire = wire;
    this.sender = sender;
    this.inbound = inbound;
    this.reassembler = reassembler;
    this.resets = resets;
    this.rto = rto;
  }

  long malformedCount() {
    return malformed;
  }

  void malformed(String problem) {
    malformed++;
    log.debug("SCTP packet dropped: {}", problem);
  }

  void process(PacketReader r, long now) {
    this.now = now;
    int tag = r.verificationTag();
    while (r.next()) {
      int type = r.type();
      if (!tagMatches(type, r.flags(), tag)) {
        malformed(ChunkType.name(type) + " with verification tag " + Integer.toHexString(tag));
        return;
      }
      try {
        if (!chunk(r, type)) {
          return;
        }
      } catch (IllegalArgumentException e) {
        malformed(e.getMessage());
        return;
      }
      if (a.ended()) {
        return;
      }
    }
  }

  /** §8.5: INIT carries 0, ABORT and SHUTDOWN COMPLETE with T the sender's tag, others ours. */
  private boolean tagMatches(int type, int flags, int tag) {
    return switch (type) {
      case ChunkType.INIT -> tag == 0;
      case ChunkType.ABORT, ChunkType.SHUTDOWN_COMPLETE ->
          (flags & ChunkType.FLAG_T) != 0 ? tag == a.peerTag() && tag != 0 : tag == local.tag;
      default -> tag == local.tag;
    };
  }

  /** @return false to stop processing the packet */
  private boolean chunk(PacketReader r, int type) {
    byte[] b = r.buffer();
    int off = r.valueOffset();
    int len = r.valueLength();
    SctpState state = a.state();
    boolean up = state.compareTo(SctpState.ESTABLISHED) >= 0;
    switch (type) {
      case ChunkType.DATA -> {
        if (up && state != SctpState.SHUTDOWN_RECEIVED && state != SctpState.SHUTDOWN_ACK_SENT) {
          data(b, off, len, r.flags());
        }
      }
      case ChunkType.SACK -> {
        if (up) {
          sender.onSack(b, off, len, now);
        }
      }
      case ChunkType.INIT -> init(InitChunk.parse(b, off, len, false), state);
      case ChunkType.INIT_ACK -> {
        if (state == SctpState.COOKIE_WAIT) {
          InitChunk ack = InitChunk.parse(b, off, len, true);
          a.peerKnown(ack.initiateTag(), ack.initialTsn(), ack.advertisedWindow(),
              ack.inboundStreams(), ack.forwardTsn(), ack.reconfig());
          a.setState(SctpState.COOKIE_ECHOED);
          a.cookieToEcho(ack.cookie(), now);
        }
      }
      case ChunkType.COOKIE_ECHO -> cookieEcho(b, off, len, state);
      case ChunkType.COOKIE_ACK -> {
        if (state == SctpState.COOKIE_ECHOED) {
          a.established();
        }
      }
      case ChunkType.HEARTBEAT -> {
        if (a.peerTag() != 0 && 4 + len <= wire.maxChunk()) {
          PacketWriter w = wire.room(a.peerTag(), 4 + len);
          w.startChunk(ChunkType.HEARTBEAT_ACK, 0);
          w.bytes(b, off, len); // the Heartbeat Info parameter, echoed (§8.3)
          w.endChunk();
        }
      }
      case ChunkType.HEARTBEAT_ACK -> {} // we send no heartbeats: ICE consent watches the path
      case ChunkType.ERROR -> log.debug("SCTP peer reported {}", cause(b, off, len));
      case ChunkType.ABORT -> a.end("aborted the association (" + cause(b, off, len) + ")", true);
      case ChunkType.SHUTDOWN -> shutdown(b, off, len, state);
      case ChunkType.SHUTDOWN_ACK -> {
        if (state == SctpState.SHUTDOWN_SENT || state == SctpState.SHUTDOWN_ACK_SENT) {
          writeEmpty(ChunkType.SHUTDOWN_COMPLETE);
          a.end("shut down", false);
        }
      }
      case ChunkType.SHUTDOWN_COMPLETE -> {
        if (state == SctpState.SHUTDOWN_ACK_SENT) {
          a.end("shut down the association", true);
        }
      }
      case ChunkType.FORWARD_TSN -> {
        if (up && len >= 4) {
          forwardTsn(b, off, len);
        }
      }
      case ChunkType.RE_CONFIG -> {
        if (up) {
          Reconfig.parse(b, off, len, this);
        }
      }
      default -> {
        return (type & 0x80) != 0; // §3.2: the top bit says whether to skip it and go on
      }
    }
    return true;
  }

  private void data(byte[] b, int off, int len, int flags) {
    if (len <= 12) {
      throw new IllegalArgumentException("DATA chunk without user data (RFC 9260 §3.3.1)");
    }
    sackDue = true;
    int tsn = Bytes.i32(b, off);
    long t = inbound.unwrap(tsn);
    int size = len - 12;
    if (size > a.window()) {
      if (t != inbound.cumulativeUnwrapped() + 1) {
        return; // no room: not acknowledged, so the peer sends it again (§6.2)
      }
      // The next TSN in order is taken even when full, so that buffered data can drain, unless
      // the peer ignores our window altogether.
      if (reassembler.bufferedBytes() > 2L * a.receiveWindow()) {
        a.abort("peer overran the receive window");
        return;
      }
    }
    if (inbound.receive(tsn) != InboundTsns.Verdict.NEW) {
      return;
    }
    int stream = Bytes.u16(b, off + 4);
    if (stream >= reassembler.streams()) {
      log.debug("SCTP DATA on stream {} beyond the {} negotiated dropped", stream,
          reassembler.streams());
      return;
    }
    reassembler.chunk(t, stream, Bytes.u16(b, off + 6), Bytes.i32(b, off + 8), flags, b, off + 12,
        size);
  }

  private void init(InitChunk init, SctpState state) {
    switch (state) {
      case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> {
        if (a.ended()) {
          return;
        }
        // §5.2.1: a simultaneous INIT is answered with our original tag and TSN.
        byte[] cookie = local.cookieFor(init, now);
        wire.flush();
        local.init(cookie).write(wire.room(init.initiateTag(), 64 + cookie.length));
        wire.flush();
      }
      case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED, SHUTDOWN_ACK_SENT ->
          log.debug("SCTP INIT in {} ignored: association restart is not supported", state);
    }
  }

  private void cookieEcho(byte[] b, int off, int len, SctpState state) {
    StateCookie cookie = local.openCookie(b, off, len, now);
    switch (state) {
      case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> {
        a.peerKnown(cookie.peerTag(), cookie.peerInitialTsn(), cookie.peerWindow(),
            cookie.peerInboundStreams(), cookie.peerForwardTsn(), cookie.peerReconfig());
        writeEmpty(ChunkType.COOKIE_ACK);
        a.established();
      }
      case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED, SHUTDOWN_ACK_SENT -> {
        if (cookie.peerTag() == a.peerTag()) {
          writeEmpty(ChunkType.COOKIE_ACK); // §5.2.4 case D: our COOKIE ACK was lost
        }
      }
    }
  }

  private void shutdown(byte[] b, int off, int len, SctpState state) {
    if (len < 4) {
      throw new IllegalArgumentException("SHUTDOWN without a cumulative TSN ack");
    }
    switch (state) {
      case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
        sender.onCumulativeAck(Bytes.i32(b, off), now);
        a.setState(SctpState.SHUTDOWN_RECEIVED);
      }
      case SHUTDOWN_SENT -> { // §9.2: both sides shut down at once
        writeEmpty(ChunkType.SHUTDOWN_ACK);
        a.setState(SctpState.SHUTDOWN_ACK_SENT);
        a.startShutdownTimer(now);
      }
      case CLOSED, COOKIE_WAIT, COOKIE_ECHOED, SHUTDOWN_ACK_SENT -> {}
    }
  }

  private void forwardTsn(byte[] b, int off, int len) {
    int tsn = Bytes.i32(b, off);
    long point = inbound.unwrap(tsn);
    sackDue = true; // RFC 3758 §3.6: acknowledge at once
    if (!inbound.forwardTo(tsn)) {
      return;
    }
    int n = Math.min((len - 4) / 4, forwardStreams.length);
    for (int i = 0; i < n; i++) {
      forwardStreams[i] = Bytes.u16(b, off + 4 + 4 * i);
      forwardSsns[i] = Bytes.u16(b, off + 6 + 4 * i);
    }
    reassembler.forward(point, forwardStreams, forwardSsns, n);
  }

  @Override
  public void resetRequest(long seq, int lastTsn, byte[] b, int streamsOff, int count) {
    boolean received = inbound.cumulativeUnwrapped() >= inbound.unwrap(lastTsn);
    resets.onRequest(wire, a.peerTag(), seq, received, b, streamsOff, count);
  }

  @Override
  public void response(long seq, int result) {
    resets.onResponse(seq, result, now, rto.rto());
  }

  /** Writes the SACK a received DATA or FORWARD TSN asked for, ahead of any DATA we send. */
  void flushSack() {
    if (sackDue && a.peerTag() != 0) {
      int max = Math.min(SACK_MAX, wire.maxChunk());
      inbound.writeSack(wire.room(a.peerTag(), max), a.window(), max);
    }
    sackDue = false;
  }

  void writeCookieEcho(byte[] cookie) {
    PacketWriter w = wire.room(a.peerTag(), 4 + cookie.length);
    w.startChunk(ChunkType.COOKIE_ECHO, 0);
    w.bytes(cookie, 0, cookie.length);
    w.endChunk();
  }

  void writeShutdown() {
    PacketWriter w = wire.room(a.peerTag(), 8);
    w.startChunk(ChunkType.SHUTDOWN, 0);
    w.u32(inbound.cumulativeTsn());
    w.endChunk();
  }

  void writeShutdownAck() {
    writeEmpty(ChunkType.SHUTDOWN_ACK);
  }

  void writeEmpty(int type) {
    wire.room(a.peerTag(), 4).startChunk(type, 0);
    wire.room(a.peerTag(), 0).endChunk();
  }

  private static String cause(byte[] b, int off, int len) {
    return len >= 4 ? "error cause " + Bytes.u16(b, off) : "no cause given";
  }
}
