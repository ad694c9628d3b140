package io.switchboard.sfu.transport.sctp;

/**
 * The two RE-CONFIG parameters data channels need (RFC 6525 §4.1, §4.4): an Outgoing SSN Reset
 * Request, by which a side closes its outgoing streams, and the Re-configuration Response.
 */
final class Reconfig {
  static final int OUTGOING_RESET_REQUEST = 13;
  static final int RESPONSE = 16;

  /** RFC 6525 §4.4 result codes. */
  static final int SUCCESS_NOTHING_TO_DO = 0;

  static final int SUCCESS_PERFORMED = 1;
  static final int DENIED = 2;
  static final int ERROR_BAD_SEQUENCE = 5;
  static final int IN_PROGRESS = 6;

  private Reconfig() {}

  static void writeResetRequest(
      PacketWriter w, long requestSeq, long responseSeq, long lastTsn, int[] streams, int count) {
    w.startChunk(ChunkType.RE_CONFIG, 0);
    w.u16(OUTGOING_RESET_REQUEST);
    w.u16(16 + 2 * count);
    w.u32(requestSeq);
    w.u32(responseSeq);
    w.u32(lastTsn);
    for (int i = 0; i < count; i++) {
      w.u16(streams[i]);
    }
    w.endChunk();
  }

  static void writeResponse(PacketWriter w, long responseSeq, int result) {
    w.startChunk(ChunkType.RE_CONFIG, 0);
    w.u16(RESPONSE);
    w.u16(12);
    w.u32(responseSeq);
    w.u32(result);
    w.endChunk();
  }

  /** Receives the parameters of a RE-CONFIG chunk. */
  interface Handler {
    void resetRequest(long requestSeq, int lastTsn, byte[] b, int streamsOff, int streamCount);

    void response(long responseSeq, int result);
  }

  /**
   * Walks a RE-CONFIG chunk's parameters; unknown ones are skipped.
   *
   * @throws IllegalArgumentException if a parameter is truncated
   */
  static void parse(byte[] b, int off, int len, Handler handler) {
    int p = off;
    int end = off + len;
    while (p + 4 <= end) {
      int type = Bytes.u16(b, p);
      int plen = Bytes.u16(b, p + 2);
      if (plen < 4 || p + plen > end) {
        throw new IllegalArgumentException("RE-CONFIG parameter " + type + " has length " + plen);
      }
      switch (type) {
        case OUTGOING_RESET_REQUEST -> {
          if (plen < 16) {
            throw new IllegalArgumentException("Outgoing SSN Reset Request shorter than 16 bytes");
          }
          handler.resetRequest(Bytes.u32(b, p + 4), Bytes.i32(b, p + 12), b, p + 16, (plen - 16) / 2);
        }
        case RESPONSE -> {
          if (plen < 12) {
            throw new IllegalArgumentException("Re-configuration Response shorter than 12 bytes");
          }
          handler.response(Bytes.u32(b, p + 4), Bytes.i32(b, p + 8));
        }
        default -> {}
      }
      p += Bytes.pad4(plen);
    }
  }
}
