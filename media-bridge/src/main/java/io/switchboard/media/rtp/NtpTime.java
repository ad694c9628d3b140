package io.switchboard.media.rtp;

/** NTP timestamps as used by RTCP (RFC 3550 §4): seconds since 1900 in 32.32 fixed point. */
public final class NtpTime {
  /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01 (Unix epoch). */
  static final long EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private NtpTime() {}

  /** The 64-bit NTP timestamp of a Unix-epoch instant given in milliseconds. */
  public static long fromEpochMillis(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000) + EPOCH_OFFSET_SECONDS;
    long millis = Math.floorMod(epochMillis, 1000);
    long fraction = (millis << 32) / 1000;
    return (seconds << 32) | fraction;
  }

  /** The Unix-epoch milliseconds of a 64-bit NTP timestamp (era 0), truncated. */
  public static long toEpochMillis(long ntp) {
    long seconds = (ntp >>> 32) - EPOCH_OFFSET_SECONDS;
    long fraction = ntp & 0xFFFF_FFFFL;
    return seconds * 1000 + ((fraction * 1000) >>> 32);
  }

  /** The middle 32 bits of an NTP timestamp: the LSR field of a report block (§6.4.1). */
  public static long middle32(long ntp) {
    return (ntp >>> 16) & 0xFFFF_FFFFL;
  }

  /** A delay in milliseconds as a DLSR value, in units of 1/65536 seconds (§6.4.1). */
  public static long delayUnits(long millis) {
    return Math.min(0xFFFF_FFFFL, Math.max(0, millis) * 65536 / 1000);
  }
}
