package io.switchboard.egress.ogg;

/**
 * The Ogg page checksum (RFC 3533 §6, "CRC_checksum"): CRC-32 with polynomial 0x04C11DB7, initial
 * value 0, no bit reflection and no final XOR, over the whole page with the checksum field zero.
 * (This is not the zlib CRC-32, which is reflected.)
 */
public final class OggCrc {
  private static final int[] TABLE = table();

  private OggCrc() {}

  private static int[] table() {
    int[] t = new int[256];
    for (int i = 0; i < 256; i++) {
      int r = i << 24;
      for (int bit = 0; bit < 8; bit++) {
        r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
      }
      t[i] = r;
    }
    return t;
  }

  /** Continues {@code crc} over {@code length} bytes of {@code data} from {@code offset}. */
  public static int update(int crc, byte[] data, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      crc = (crc << 8) ^ TABLE[((crc >>> 24) ^ data[i]) & 0xFF];
    }
    return crc;
  }

  public static int of(byte[] data, int offset, int length) {
    return update(0, data, offset, length);
  }
}
