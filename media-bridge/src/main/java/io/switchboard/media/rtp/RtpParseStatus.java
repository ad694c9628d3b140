package io.switchboard.media.rtp;

/** Outcome of parsing an RTP packet (RFC 3550 §5.1). Anything but {@link #OK} means "drop it". */
public enum RtpParseStatus {
  OK("valid RTP packet"),
  TOO_SHORT("shorter than the 12-byte fixed header"),
  BAD_VERSION("version field is not 2"),
  TRUNCATED_CSRC("CSRC list runs past the end of the packet"),
  TRUNCATED_EXTENSION("header extension runs past the end of the packet"),
  BAD_PADDING("padding count is zero or larger than the payload");

  private final String description;

  RtpParseStatus(String description) {
    this.description = description;
  }

  /** What is wrong with the packet, for logs and counters. */
  public String description() {
    return description;
  }
}
