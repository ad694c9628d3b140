package io.switchboard.media.rtp;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1). Unsigned 32-bit fields are held
 * in {@code long}s.
 *
 * @param ssrc the source this block reports on
 * @param fractionLost losses since the previous report, as a fixed-point fraction of 256
 * @param cumulativeLost packets lost since reception began (signed 24-bit; duplicates can make it
 *     negative)
 * @param extendedHighestSequence cycles in the high 16 bits, highest sequence number in the low
 * @param jitter interarrival jitter in timestamp units (§6.4.1, §A.8)
 * @param lastSenderReport middle 32 bits of the NTP timestamp of the last SR received (LSR), 0
 *     if none
 * @param delaySinceLastSenderReport delay since that SR in units of 1/65536 s (DLSR), 0 if none
 */
public record RtcpReportBlock(
    int ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequence,
    long jitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {
  /** Bytes one block occupies on the wire. */
  public static final int BYTES = 24;

  static final int MAX_CUMULATIVE_LOST = (1 << 23) - 1;
  static final int MIN_CUMULATIVE_LOST = -(1 << 23);

  public RtcpReportBlock {
    if (fractionLost < 0 || fractionLost > 255) {
      throw new IllegalArgumentException("fraction lost must be 0..255, got " + fractionLost);
    }
    if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
      throw new IllegalArgumentException(
          "cumulative lost must fit in signed 24 bits, got " + cumulativeLost);
    }
    Unsigned.check32("extended highest sequence", extendedHighestSequence);
    Unsigned.check32("jitter", jitter);
    Unsigned.check32("LSR", lastSenderReport);
    Unsigned.check32("DLSR", delaySinceLastSenderReport);
  }
}
