package io.switchboard.server.config;

import java.time.Duration;

/** RTP media settings for phone legs. */
public record RtpConfig(Integer portRangeStart, Integer portRangeEnd, Duration mediaTimeout) {

  public static final RtpConfig DEFAULTS = new RtpConfig(null, null, null);

  public RtpConfig {
    portRangeStart = portRangeStart == null ? 10000 : portRangeStart;
    portRangeEnd = portRangeEnd == null ? 20000 : portRangeEnd;
    mediaTimeout = mediaTimeout == null ? Duration.ofSeconds(15) : mediaTimeout;
    if (portRangeStart < 1024 || portRangeEnd > 65535 || portRangeEnd - portRangeStart < 3) {
      throw new IllegalArgumentException(
          "rtp port range " + portRangeStart + "-" + portRangeEnd
              + " is invalid: use LOW-HIGH within 1024-65535 with room for two ports");
    }
  }

  /** Parses the {@code LOW-HIGH} form of the {@code --rtp-ports} flag. */
  public static RtpConfig parseRange(String range, RtpConfig base) {
    String[] parts = range.split("-", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("--rtp-ports wants LOW-HIGH, e.g. 10000-20000, not '" + range + "'");
    }
    try {
      return new RtpConfig(
          Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), base.mediaTimeout());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--rtp-ports wants numbers, e.g. 10000-20000, not '" + range + "'");
    }
  }
}
