package io.switchboard.media.rtp;

/**
 * Reception statistics for one source: sequence tracking with wrap-around and probation (RFC
 * 3550 §A.1), loss for report blocks (§A.3) and interarrival jitter (§A.8). Not thread-safe;
 * allocation-free except {@link #reportBlock}.
 */
public final class RtpReceiveStatistics {
  private static final int RTP_SEQ_MOD = 1 << 16;
  private static final int MAX_DROPOUT = 3000;
  private static final int MAX_MISORDER = 100;
  private static final int MIN_SEQUENTIAL = 2;

  private final int ssrc;
  private final int clockRate;

  private boolean started;
  private int maxSeq;
  private long cycles; // count of sequence wraps, shifted left 16
  private long baseSeq;
  private int badSeq = RTP_SEQ_MOD + 1; // "impossible" until a jump is seen
  private int probation = MIN_SEQUENTIAL;
  private long received;
  private long expectedPrior;
  private long receivedPrior;

  private boolean haveTransit;
  private int lastTransit;
  private long jitterQ4; // jitter scaled by 16, as in §A.8

  /** @param clockRate the RTP clock rate of the source's payload, in Hz */
  public RtpReceiveStatistics(int ssrc, int clockRate) {
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
    }
    this.ssrc = ssrc;
    this.clockRate = clockRate;
  }

  public int ssrc() {
    return ssrc;
  }

  /**
   * Accounts for one received packet.
   *
   * @param arrivalMillis arrival time on any monotonic millisecond scale (for jitter)
   */
  public SequenceStatus onPacket(int sequenceNumber, int rtpTimestamp, long arrivalMillis) {
    int seq = sequenceNumber & 0xFFFF;
    if (!started) {
      started = true;
      initSequence(seq);
      maxSeq = seq - 1;
      probation = MIN_SEQUENTIAL;
    }
    SequenceStatus status = updateSequence(seq);
    if (status == SequenceStatus.VALID || status == SequenceStatus.RESTARTED) {
      updateJitter(rtpTimestamp, arrivalMillis);
    }
    return status;
  }

  private void initSequence(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = RTP_SEQ_MOD + 1;
    cycles = 0;
    received = 0;
    receivedPrior = 0;
    expectedPrior = 0;
    haveTransit = false;
    jitterQ4 = 0;
  }

  private SequenceStatus updateSequence(int seq) {
    int delta = (seq - maxSeq) & 0xFFFF;
    if (probation > 0) {
      // §A.1: a source is valid after MIN_SEQUENTIAL packets in strict sequence.
      if (seq == ((maxSeq + 1) & 0xFFFF)) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          initSequence(seq);
          received++;
          return SequenceStatus.VALID;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return SequenceStatus.PROBATION;
    }
    if (delta < MAX_DROPOUT) {
      if (seq < maxSeq) {
        cycles += RTP_SEQ_MOD; // wrapped
      }
      maxSeq = seq;
    } else if (delta <= RTP_SEQ_MOD - MAX_MISORDER) {
      if (seq == badSeq) {
        // Two sequential packets after a big jump: the other side restarted without telling us.
        initSequence(seq);
        received++;
        return SequenceStatus.RESTARTED;
      }
      badSeq = (seq + 1) & 0xFFFF;
      return SequenceStatus.BAD_SEQUENCE;
    }
    // else: duplicate or reordered packet, counted but maxSeq untouched.
    received++;
    return SequenceStatus.VALID;
  }

  private void updateJitter(int rtpTimestamp, long arrivalMillis) {
    // §A.8: transit in timestamp units; int arithmetic wraps consistently with RTP timestamps.
    int arrival = (int) (arrivalMillis * clockRate / 1000);
    int transit = arrival - rtpTimestamp;
    if (haveTransit) {
      int d = Math.abs(transit - lastTransit);
      jitterQ4 += d - ((jitterQ4 + 8) >> 4);
    }
    haveTransit = true;
    lastTransit = transit;
  }

  /** Packets counted as received (duplicates included, as in §A.3). */
  public long received() {
    return received;
  }

  /** Highest sequence number seen, with wrap cycles in the high bits. */
  public long extendedHighestSequence() {
    return cycles + maxSeq;
  }

  /** Packets expected from the first to the highest sequence number (§A.3). */
  public long expected() {
    return started && probation == 0 ? extendedHighestSequence() - baseSeq + 1 : 0;
  }

  /** Cumulative loss; negative when duplicates outnumber losses. */
  public long cumulativeLost() {
    return expected() - received;
  }

  /** Interarrival jitter in timestamp units (§A.8). */
  public long jitter() {
    return jitterQ4 >> 4;
  }

  /** Interarrival jitter in milliseconds. */
  public double jitterMillis() {
    return jitter() * 1000.0 / clockRate;
  }

  /**
   * Builds the report block for this source and starts a new reporting interval (the fraction
   * lost of the next block counts from now).
   *
   * @param lastSenderReport LSR: middle 32 bits of the last SR's NTP time from this source, or 0
   * @param delaySinceLastSenderReport DLSR in 1/65536 s, or 0 if no SR was received
   */
  public RtcpReportBlock reportBlock(long lastSenderReport, long delaySinceLastSenderReport) {
    long expected = expected();
    long expectedInterval = expected - expectedPrior;
    long receivedInterval = received - receivedPrior;
    expectedPrior = expected;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    int fraction =
        expectedInterval == 0 || lostInterval <= 0
            ? 0
            : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    long lost =
        Math.clamp(cumulativeLost(), RtcpReportBlock.MIN_CUMULATIVE_LOST,
            RtcpReportBlock.MAX_CUMULATIVE_LOST);
    return new RtcpReportBlock(
        ssrc,
        fraction,
        (int) lost,
        extendedHighestSequence() & 0xFFFF_FFFFL,
        Math.min(jitter(), 0xFFFF_FFFFL),
        lastSenderReport,
        delaySinceLastSenderReport);
  }
}
