package io.switchboard.sfu.transport.sctp;

/**
 * Builds one SCTP packet in a reused buffer: the common header (RFC 9260 §3.1), chunks padded to 4
 * bytes, then the checksum. Not thread-safe.
 */
final class PacketWriter {
  static final int COMMON_HEADER = 12;

  private final byte[] buf;
  private final SctpChecksum checksum = new SctpChecksum();
  private int pos;
  private int chunkStart = -1;
  private int paddedParameterEnd = -1; // where the last parameter ended before padding
  private int paddedTo = -1;

  PacketWriter(int capacity) {
    buf = new byte[capacity];
  }

  void begin(int sourcePort, int destinationPort, int verificationTag) {
    Bytes.put16(buf, 0, sourcePort);
    Bytes.put16(buf, 2, destinationPort);
    Bytes.put32(buf, 4, verificationTag);
    pos = COMMON_HEADER;
    chunkStart = -1;
    paddedTo = -1;
  }

  /** Whether a chunk of this length (before padding) still fits. */
  boolean fits(int chunkLength) {
    return pos + Bytes.pad4(chunkLength) <= buf.length;
  }

  boolean hasChunks() {
    return pos > COMMON_HEADER;
  }

  int capacity() {
    return buf.length;
  }

  void startChunk(int type, int flags) {
    chunkStart = pos;
    buf[pos] = (byte) type;
    buf[pos + 1] = (byte) flags;
    pos += 4;
  }

  /**
   * Writes the chunk length and pads to 4 bytes. The length leaves out the chunk's padding, and
   * that of its last parameter (RFC 9260 §3.2).
   */
  void endChunk() {
    int end = paddedTo == pos ? paddedParameterEnd : pos;
    Bytes.put16(buf, chunkStart + 2, end - chunkStart);
    while ((pos & 3) != 0) {
      buf[pos++] = 0;
    }
    chunkStart = -1;
  }

  /** Pads a variable-length parameter inside a chunk (RFC 9260 §3.2.1). */
  void padParameter() {
    paddedParameterEnd = pos;
    while ((pos & 3) != 0) {
      buf[pos++] = 0;
    }
    paddedTo = pos;
  }

  int position() {
    return pos;
  }

  void patch16(int at, int v) {
    Bytes.put16(buf, at, v);
  }

  void u8(int v) {
    buf[pos++] = (byte) v;
  }

  void u16(int v) {
    Bytes.put16(buf, pos, v);
    pos += 2;
  }

  void u32(long v) {
    Bytes.put32(buf, pos, v);
    pos += 4;
  }

  void bytes(byte[] src, int off, int len) {
    System.arraycopy(src, off, buf, pos, len);
    pos += len;
  }

  /** Stores the checksum; the packet is {@code buffer()[0, length)}. */
  int finish() {
    checksum.store(buf, 0, pos);
    return pos;
  }

  byte[] buffer() {
    return buf;
  }
}
