package io.switchboard.media.rtp;

/** How {@link RtpReceiveStatistics} classified a packet's sequence number (RFC 3550 §A.1). */
public enum SequenceStatus {
  /** In sequence or within the misorder/dropout tolerances: counted. */
  VALID,
  /** The source is still on probation (not yet {@code MIN_SEQUENTIAL} packets in order). */
  PROBATION,
  /** A jump too large to be loss or reordering: ignored unless the next packet confirms it. */
  BAD_SEQUENCE,
  /** The packet after a {@link #BAD_SEQUENCE} confirmed it: the sender restarted; stats reset. */
  RESTARTED
}
