package io.switchboard.sfu.transport.sctp;

import java.util.Arrays;

/**
 * INIT and INIT ACK (RFC 9260 §3.3.2, §3.3.3), with the parameters WebRTC uses: the state cookie
 * (INIT ACK only), Supported Extensions (RFC 5061 §4.2.7) listing FORWARD TSN and RE-CONFIG, and
 * Forward-TSN-Supported (RFC 3758 §3.1). Other parameters are skipped.
 *
 * @param initiateTag the tag the peer must put in every packet to the sender; never 0
 * @param advertisedWindow the sender's receive window in bytes
 * @param cookie the state cookie of an INIT ACK, else null
 */
record InitChunk(
    int initiateTag,
    long advertisedWindow,
    int outboundStreams,
    int inboundStreams,
    int initialTsn,
    byte[] cookie,
    boolean forwardTsn,
    boolean reconfig) {
  static final int PARAM_STATE_COOKIE = 7;
  static final int PARAM_SUPPORTED_EXTENSIONS = 0x8008;
  static final int PARAM_FORWARD_TSN_SUPPORTED = 0xC000;

  /** Writes this as an INIT (type 1) or, with a cookie, an INIT ACK (type 2). */
  void write(PacketWriter w) {
    w.startChunk(cookie == null ? ChunkType.INIT : ChunkType.INIT_ACK, 0);
    w.u32(initiateTag);
    w.u32(advertisedWindow);
    w.u16(outboundStreams);
    w.u16(inboundStreams);
    w.u32(initialTsn);
    if (cookie != null) {
      w.u16(PARAM_STATE_COOKIE);
      w.u16(4 + cookie.length);
      w.bytes(cookie, 0, cookie.length);
      w.padParameter();
    }
    if (forwardTsn || reconfig) {
      int count = (forwardTsn ? 1 : 0) + (reconfig ? 1 : 0);
      w.u16(PARAM_SUPPORTED_EXTENSIONS);
      w.u16(4 + count);
      if (forwardTsn) {
        w.u8(ChunkType.FORWARD_TSN);
      }
      if (reconfig) {
        w.u8(ChunkType.RE_CONFIG);
      }
      w.padParameter();
    }
    if (forwardTsn) {
      w.u16(PARAM_FORWARD_TSN_SUPPORTED);
      w.u16(4);
    }
    w.endChunk();
  }

  /**
   * Reads the value of an INIT or INIT ACK chunk.
   *
   * @throws IllegalArgumentException naming what is malformed
   */
  static InitChunk parse(byte[] b, int off, int len, boolean ack) {
    String what = ack ? "INIT ACK" : "INIT";
    if (len < 16) {
      throw new IllegalArgumentException(what + " value of " + len + " bytes is shorter than 16");
    }
    int tag = Bytes.i32(b, off);
    int outbound = Bytes.u16(b, off + 8);
    int inbound = Bytes.u16(b, off + 10);
    if (tag == 0 || outbound == 0 || inbound == 0) {
      throw new IllegalArgumentException(
          what + " has a zero initiate tag or stream count (RFC 9260 §3.3.2)");
    }
    byte[] cookie = null;
    boolean forwardTsn = false;
    boolean reconfig = false;
    int p = off + 16;
    int end = off + len;
    while (p + 4 <= end) {
      int type = Bytes.u16(b, p);
      int plen = Bytes.u16(b, p + 2);
      if (plen < 4 || p + plen > end) {
        throw new IllegalArgumentException(what + " parameter " + type + " has length " + plen);
      }
      switch (type) {
        case PARAM_STATE_COOKIE -> cookie = Arrays.copyOfRange(b, p + 4, p + plen);
        case PARAM_FORWARD_TSN_SUPPORTED -> forwardTsn = true;
        case PARAM_SUPPORTED_EXTENSIONS -> {
          for (int i = p + 4; i < p + plen; i++) {
            int chunk = Bytes.u8(b, i);
            forwardTsn |= chunk == ChunkType.FORWARD_TSN;
            reconfig |= chunk == ChunkType.RE_CONFIG;
          }
        }
        default -> {} // unknown or unused (ECN, AUTH, host names): skipped
      }
      p += Bytes.pad4(plen);
    }
    if (ack && cookie == null) {
      throw new IllegalArgumentException("INIT ACK without a state cookie (RFC 9260 §3.3.3)");
    }
    return new InitChunk(
        tag, Bytes.u32(b, off + 4), outbound, inbound, Bytes.i32(b, off + 12), cookie, forwardTsn,
        reconfig);
  }
}
