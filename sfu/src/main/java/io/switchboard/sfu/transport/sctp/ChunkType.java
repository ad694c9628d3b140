package io.switchboard.sfu.transport.sctp;

/** Chunk type codes (RFC 9260 §3.2, RFC 3758 §3.2, RFC 6525 §3.1). */
final class ChunkType {
  static final int DATA = 0;
  static final int INIT = 1;
  static final int INIT_ACK = 2;
  static final int SACK = 3;
  static final int HEARTBEAT = 4;
  static final int HEARTBEAT_ACK = 5;
  static final int ABORT = 6;
  static final int SHUTDOWN = 7;
  static final int SHUTDOWN_ACK = 8;
  static final int ERROR = 9;
  static final int COOKIE_ECHO = 10;
  static final int COOKIE_ACK = 11;
  static final int SHUTDOWN_COMPLETE = 14;
  static final int RE_CONFIG = 130;
  static final int FORWARD_TSN = 192;

  /** DATA flags (RFC 9260 §3.3.1, RFC 7053 for I). */
  static final int FLAG_END = 0x01;

  static final int FLAG_BEGIN = 0x02;
  static final int FLAG_UNORDERED = 0x04;
  static final int FLAG_IMMEDIATE = 0x08;

  /** ABORT and SHUTDOWN COMPLETE: the verification tag is the sender's own (RFC 9260 §3.3.7). */
  static final int FLAG_T = 0x01;

  private ChunkType() {}

  static String name(int type) {
    return switch (type) {
      case DATA -> "DATA";
      case INIT -> "INIT";
      case INIT_ACK -> "INIT ACK";
      case SACK -> "SACK";
      case HEARTBEAT -> "HEARTBEAT";
      case HEARTBEAT_ACK -> "HEARTBEAT ACK";
      case ABORT -> "ABORT";
      case SHUTDOWN -> "SHUTDOWN";
      case SHUTDOWN_ACK -> "SHUTDOWN ACK";
      case ERROR -> "ERROR";
      case COOKIE_ECHO -> "COOKIE ECHO";
      case COOKIE_ACK -> "COOKIE ACK";
      case SHUTDOWN_COMPLETE -> "SHUTDOWN COMPLETE";
      case RE_CONFIG -> "RE-CONFIG";
      case FORWARD_TSN -> "FORWARD TSN";
      default -> "chunk type " + type;
    };
  }
}
