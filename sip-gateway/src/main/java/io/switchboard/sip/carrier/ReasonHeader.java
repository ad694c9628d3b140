package io.switchboard.sip.carrier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One RFC 3326 Reason value, e.g. {@code Q.850;cause=17;text="User busy"}.
 *
 * @param protocol {@code SIP}, {@code Q.850} or another token, as written
 * @param cause the {@code cause} parameter, when present and numeric
 * @param text the {@code text} parameter unquoted; empty when absent
 */
public record ReasonHeader(String protocol, OptionalInt cause, String text) {
  public ReasonHeader {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cause, "cause");
    text = text == null ? "" : text;
  }

  /**
   * Every value of the given Reason headers, in order. RFC 3326 §2: {@code Reason = "Reason" HCOLON
   * reason-value *(COMMA reason-value)}, {@code reason-value = protocol *(SEMI reason-params)}; a
   * comma inside the quoted text does not split. Values without a protocol token are skipped.
   */
  public static List<ReasonHeader> parse(List<String> headerValues) {
    List<ReasonHeader> reasons = new ArrayList<>();
    for (String header : headerValues) {
      for (String value : splitOutsideQuotes(header, ',')) {
        List<String> parts = splitOutsideQuotes(value, ';');
        String protocol = parts.getFirst().strip();
        if (protocol.isEmpty()) {
          continue;
        }
        OptionalInt cause = OptionalInt.empty();
        String text = "";
        for (String param : parts.subList(1, parts.size())) {
          int eq = param.indexOf('=');
          if (eq < 0) {
            continue;
          }
          String name = param.substring(0, eq).strip();
          String raw = param.substring(eq + 1).strip();
          if (name.equalsIgnoreCase("cause")) {
            try {
              cause = OptionalInt.of(Integer.parseInt(raw));
            } catch (NumberFormatException ignored) {
              // a non-numeric cause names nothing we can report
            }
          } else if (name.equalsIgnoreCase("text")) {
            text = unquote(raw);
          }
        }
        reasons.add(new ReasonHeader(protocol, cause, text));
      }
    }
    return List.copyOf(reasons);
  }

  /** {@code Q.850 cause 17: User busy}, leaving out what is absent. */
  public String describe() {
    StringBuilder out = new StringBuilder(protocol);
    cause.ifPresent(c -> out.append(" cause ").append(c));
    if (!text.isEmpty()) {
      out.append(": ").append(text);
    }
    return out.toString();
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted) {
        i++; // quoted-pair (RFC 3261 §25.1)
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static String unquote(String raw) {
    if (raw.length() < 2 || raw.charAt(0) != '"' || raw.charAt(raw.length() - 1) != '"') {
      return raw;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < raw.length() - 1; i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() - 1) {
        c = raw.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
