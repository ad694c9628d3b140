package io.switchboard.media.codec.g711;

/**
 * ITU-T G.711 µ-law (PCMU) companding through precomputed tables. 16-bit linear input is
 * reduced to the 14-bit uniform code of G.711 Table 2; negative values are handled as their
 * ones' complement, as in the ITU G.191 reference, so encoding is exactly sign-symmetric.
 */
public final class MuLaw {
  private static final int BIAS = 33;
  private static final int CLIP = 8191 - BIAS;

  /** Indexed by the 14-bit two's complement input {@code (x >> 2) & 0x3FFF}. */
  private static final byte[] ENCODE = new byte[1 << 14];
  private static final short[] DECODE = new short[256];

  static {
    for (int i = 0; i < ENCODE.length; i++) {
      int value14 = (i << 18) >> 18; // sign-extend 14 bits
      ENCODE[i] = (byte) compress(value14);
    }
    for (int code = 0; code < 256; code++) {
      DECODE[code] = (short) expand(code);
    }
  }

  private MuLaw() {}

  public static byte encode(short linear) {
    return ENCODE[(linear >> 2) & 0x3FFF];
  }

  public static short decode(byte code) {
    return DECODE[code & 0xFF];
  }

  private static int compress(int value14) {
    boolean negative = value14 < 0;
    int magnitude = Math.min(negative ? ~value14 : value14, CLIP);
    int biased = magnitude + BIAS; // 33..8191: segment e covers [32 << e, 64 << e)
    int segment = 31 - Integer.numberOfLeadingZeros(biased) - 5;
    int mantissa = (biased >> (segment + 1)) & 0x0F;
    // Codes are transmitted inverted; the sign bit is 1 for positive values.
    return ~((negative ? 0x80 : 0) | (segment << 4) | mantissa) & 0xFF;
  }

  private static int expand(int code) {
    int inverted = ~code & 0xFF;
    int segment = (inverted >> 4) & 0x07;
    int mantissa = inverted & 0x0F;
    int magnitude14 = ((2 * mantissa + BIAS) << segment) - BIAS; // interval midpoint, Table 2
    int linear = magnitude14 << 2;
    return (inverted & 0x80) != 0 ? -linear : linear;
  }
}
