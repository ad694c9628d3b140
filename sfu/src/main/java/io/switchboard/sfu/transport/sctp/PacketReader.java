package io.switchboard.sfu.transport.sctp;

/**
 * Walks the chunks of a received packet without copying (RFC 9260 §3): {@link #wrap} checks the
 * header and checksum, then {@link #next} steps from chunk to chunk. Not thread-safe.
 */
final class PacketReader {
  private final SctpChecksum checksum = new SctpChecksum();
  private byte[] buf;
  private int start;
  private int end;
  private int next;
  private int type;
  private int flags;
  private int chunkLength;
  private int valueOffset;

  /**
   * @return null if the packet is well formed with a correct checksum, else what is wrong
   */
  String wrap(byte[] buf, int off, int len) {
    if (len < PacketWriter.COMMON_HEADER + 4) {
      return "SCTP packet of " + len + " bytes is shorter than a header and one chunk";
    }
    if (!checksum.verify(buf, off, len)) {
      return "SCTP packet has a wrong CRC32c checksum";
    }
    this.buf = buf;
    this.start = off;
    this.end = off + len;
    this.next = off + PacketWriter.COMMON_HEADER;
    return null;
  }

  int sourcePort() {
    return Bytes.u16(buf, start);
  }

  int destinationPort() {
    return Bytes.u16(buf, start + 2);
  }

  int verificationTag() {
    return Bytes.i32(buf, start + 4);
  }

  /** Moves to the next chunk; false at the end or on a chunk whose length is impossible. */
  boolean next() {
    if (next + 4 > end) {
      return false;
    }
    int length = Bytes.u16(buf, next + 2);
    if (length < 4 || next + length > end) {
      next = end;
      return false;
    }
    type = Bytes.u8(buf, next);
    flags = Bytes.u8(buf, next + 1);
    chunkLength = length;
    valueOffset = next + 4;
    next += Bytes.pad4(length);
    return true;
  }

  int type() {
    return type;
  }

  int flags() {
    return flags;
  }

  byte[] buffer() {
    return buf;
  }

  /** Where the chunk's value starts (after type, flags and length). */
  int valueOffset() {
    return valueOffset;
  }

  int valueLength() {
    return chunkLength - 4;
  }

  /** Offset of the current chunk's header. */
  int chunkOffset() {
    return valueOffset - 4;
  }

  int chunkLength() {
    return chunkLength;
  }
}
