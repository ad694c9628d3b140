package io.switchboard.bench.load;

/**
 * G.711 µ-law (ITU-T G.711, the classic bias-and-segment form). The load generator has its own
 * copy rather than the server's codec, so that a codec bug cannot cancel itself out between the
 * sending and the measuring side.
 */
final class MuLaw {
  private static final int BIAS = 0x84;
  private static final int CLIP = 32635;
  private static final short[] DECODED = new short[256];

  static {
    for (int i = 0; i < 256; i++) {
      DECODED[i] = decodeByFormula((byte) i);
    }
  }

  private MuLaw() {}

  static byte encode(int sample) {
    int s = Math.max(-CLIP, Math.min(CLIP, sample));
    int sign = s < 0 ? 0x80 : 0;
    int magnitude = (s < 0 ? -s : s) + BIAS;
    int exponent = 7;
    for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
      exponent--;
    }
    int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
    return (byte) ~(sign | (exponent << 4) | mantissa);
  }

  static short decode(byte code) {
    return DECODED[code & 0xFF];
  }

  private static short decodeByFormula(byte code) {
    int u = ~code & 0xFF;
    int magnitude = (((u & 0x0F) << 3) + BIAS) << ((u & 0x70) >> 4);
    return (short) ((u & 0x80) != 0 ? BIAS - magnitude : magnitude - BIAS);
  }
}
