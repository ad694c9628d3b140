package io.switchboard.sfu.transport.sctp;

/** Retransmission timeout from RTT samples (RFC 9260 §6.3.1), with back-off on expiry (§6.3.3). */
final class RtoEstimator {
  private final long min;
  private final long max;
  private long srtt = -1;
  private long rttvar;
  private long rto;

  RtoEstimator(long initialMillis, long minMillis, long maxMillis) {
    this.min = minMillis;
    this.max = maxMillis;
    this.rto = initialMillis;
  }

  /** C2 and C3: the first sample sets SRTT = R, RTTVAR = R/2; later ones smooth with 1/8, 1/4. */
  void sample(long rttMillis) {
    long r = Math.max(0, rttMillis);
    if (srtt < 0) {
      srtt = r;
      rttvar = r / 2;
    } else {
      rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
      srtt = (7 * srtt + r) / 8;
    }
    // G (clock granularity) is 1 ms; RTTVAR of 0 is raised to G (C3).
    rto = clamp(srtt + 4 * Math.max(rttvar, 1));
  }

  /** E2: doubles the RTO after a timer expiry, up to the maximum. */
  void backOff() {
    rto = clamp(rto * 2);
  }

  long rto() {
    return rto;
  }

  /** Smoothed RTT, or -1 before the first sample. */
  long srtt() {
    return srtt;
  }

  private long clamp(long v) {
    return Math.min(max, Math.max(min, v));
  }
}
