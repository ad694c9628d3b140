package io.switchboard.sip.sdp;

import java.util.Locale;
import java.util.Optional;

/** The value of {@code a=rtpmap:<pt> <encoding>/<clock>[/<channels>]} (RFC 8866 §6.6). */
public record RtpMap(int payloadType, String encoding, int clockRate, int channels) {

  /** Parses an rtpmap value; empty when it is malformed (the format is then simply unknown). */
  public static Optional<RtpMap> parse(String value) {
    int space = value.indexOf(' ');
    if (space <= 0) {
      return Optional.empty();
    }
    String[] parts = value.substring(space + 1).trim().split("/");
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty()) {
      return Optional.empty();
    }
    try {
      int payloadType = Integer.parseInt(value.substring(0, space));
      int clock = Integer.parseInt(parts[1]);
      int channels = parts.length == 3 ? Integer.parseInt(parts[2]) : 1;
      if (payloadType < 0 || payloadType > 127 || clock <= 0 || channels <= 0) {
        return Optional.empty();
      }
      return Optional.of(new RtpMap(payloadType, parts[0], clock, channels));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public boolean names(String encodingName, int clock) {
    return encoding.toLowerCase(Locale.ROOT).equals(encodingName.toLowerCase(Locale.ROOT))
        && clockRate == clock;
  }

  public String format() {
    return payloadType + " " + encoding + "/" + clockRate + (channels == 1 ? "" : "/" + channels);
  }
}
