package io.switchboard.server.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go-style durations as LiveKit's YAML uses them: {@code 15s}, {@code 1m30s}, {@code 500ms}, {@code 2h}. */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");

  private DurationText() {}

  public static Duration parse(String text) {
    String s = text.trim();
    if (s.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(s));
    }
    Matcher m = PART.matcher(s);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      double n = Double.parseDouble(m.group(1));
      long nanos =
          switch (m.group(2)) {
            case "ms" -> (long) (n * 1e6);
            case "s" -> (long) (n * 1e9);
            case "m" -> (long) (n * 60e9);
            case "h" -> (long) (n * 3600e9);
            default -> throw new IllegalStateException(m.group(2));
          };
      total = total.plusNanos(nanos);
      end = m.end();
    }
    if (end != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration: use e.g. 15s, 1m30s, 500ms or 2h");
    }
    return total;
  }
}
