package io.switchboard.media.rtp;

/** Range checks for unsigned wire fields held in wider Java types. */
final class Unsigned {
  private Unsigned() {}

  static void check32(String field, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(field + " must be an unsigned 32-bit value, got " + value);
    }
  }
}
