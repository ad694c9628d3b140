package io.switchboard.sfu.transport.sctp;

import java.util.zip.CRC32C;

/**
 * The CRC32c of an SCTP packet computed with its checksum field as zeros, stored in the packet's
 * bytes 8 to 11 least significant byte first (RFC 9260 §6.8 and Appendix A: the reflected CRC is
 * transmitted as it comes out of the shift register). Not thread-safe: one per association.
 */
final class SctpChecksum {
  private final CRC32C crc = new CRC32C();
  private final byte[] zeros = new byte[4];

  int compute(byte[] buf, int off, int len) {
    crc.reset();
    crc.update(buf, off, 8);
    crc.update(zeros, 0, 4);
    crc.update(buf, off + 12, len - 12);
    return (int) crc.getValue();
  }

  /** The checksum as stored in a packet. */
  static int stored(byte[] buf, int off) {
    return (buf[off + 8] & 0xff)
        | (buf[off + 9] & 0xff) << 8
        | (buf[off + 10] & 0xff) << 16
        | (buf[off + 11] & 0xff) << 24;
  }

  void store(byte[] buf, int off, int len) {
    int c = compute(buf, off, len);
    buf[off + 8] = (byte) c;
    buf[off + 9] = (byte) (c >>> 8);
    buf[off + 10] = (byte) (c >>> 16);
    buf[off + 11] = (byte) (c >>> 24);
  }

  boolean verify(byte[] buf, int off, int len) {
    return len >= 12 && compute(buf, off, len) == stored(buf, off);
  }
}
