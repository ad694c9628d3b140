package io.switchboard.media.rtp;

/** Big-endian (network order) field access on byte arrays. */
final class Bytes {
  private Bytes() {}

  static int readU8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int readU16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  static int readU24(byte[] b, int off) {
    return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
  }

  static int readI32(byte[] b, int off) {
    return ((b[off] & 0xFF) << 24)
        | ((b[off + 1] & 0xFF) << 16)
        | ((b[off + 2] & 0xFF) << 8)
        | (b[off + 3] & 0xFF);
  }

  static long readU32(byte[] b, int off) {
    return readI32(b, off) & 0xFFFF_FFFFL;
  }

  static long readI64(byte[] b, int off) {
    return ((long) readI32(b, off) << 32) | readU32(b, off + 4);
  }

  static void writeU16(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 8);
    b[off + 1] = (byte) v;
  }

  static void writeU24(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 16);
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) v;
  }

  static void writeI32(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  static void writeI64(byte[] b, int off, long v) {
    writeI32(b, off, (int) (v >>> 32));
    writeI32(b, off + 4, (int) v);
  }
}
