package io.switchboard.media.codec.g711;

/**
 * ITU-T G.711 A-law (PCMA) companding through precomputed tables. 16-bit linear input is reduced
 * to the 13-bit uniform code of G.711 Table 1 (sign plus 12-bit magnitude, of which the 11 used
 * bits address the segments); negative values use the ones' complement as in ITU G.191.
 */
public final class ALaw {
  /** Even-bit inversion applied to every transmitted A-law character. */
  private static final int EVEN_BITS = 0x55;

  /** Indexed by the 12-bit two's complement input {@code (x >> 4) & 0xFFF}. */
  private static final byte[] ENCODE = new byte[1 << 12];
  private static final short[] DECODE = new short[256];

  static {
    for (int i = 0; i < ENCODE.length; i++) {
      int value12 = (i << 20) >> 20; // sign-extend 12 bits
      ENCODE[i] = (byte) compress(value12);
    }
    for (int code = 0; code < 256; code++) {
      DECODE[code] = (short) expand(code);
    }
  }

  private ALaw() {}

  public static byte encode(short linear) {
    return ENCODE[(linear >> 4) & 0xFFF];
  }

  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  private static int compress(int value12) {
    boolean negative = value12 < 0;
    int magnitude = negative ? ~value12 : value12; // 0..2047
    int segment;
    int mantissa;
    if (magnitude < 16) {
      segment = 0;
      mantissa = magnitude;
    } else {
      // Segment s >= 1 covers [16 << (s - 1), 32 << (s - 1)).
      segment = 31 - Integer.numberOfLeadingZeros(magnitude) - 3;
      mantissa = (magnitude >> (segment - 1)) & 0x0F;
    }
    return ((negative ? 0 : 0x80) | (segment << 4) | mantissa) ^ EVEN_BITS;
  }

  private static int expand(int code) {
    int character = (code ^ EVEN_BITS) & 0x7F;
    int segment = character >> 4;
    int mantissa = character & 0x0F;
    if (segment > 0) {
      mantissa += 16;
    }
    int linear = (mantissa << 4) + 8; // interval midpoint, Table 1
    if (segment > 1) {
      linear <<= segment - 1;
    }
    return (code & 0x80) != 0 ? linear : -linear;
  }
}
