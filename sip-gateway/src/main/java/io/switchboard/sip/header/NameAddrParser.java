package io.switchboard.sip.header;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses name-addr / addr-spec header values, alone or as a comma-separated list. */
public final class NameAddrParser {
  private NameAddrParser() {}

  public static NameAddr parse(String value) throws HeaderParseException {
    String text = value.strip();
    if (text.isEmpty()) {
      throw new HeaderParseException("empty address");
    }
    int open = indexOutsideQuotes(text, '<');
    if (open < 0) {
      // addr-spec form: any ;params after the URI belong to the header, not the URI (RFC 3261 §20).
      int semi = text.indexOf(';');
      String uri = semi >= 0 ? text.substring(0, semi) : text;
      if (uri.indexOf(' ') >= 0) {
        throw new HeaderParseException("address '" + abbreviate(text) + "' has spaces outside <>");
      }
      return new NameAddr("", uri, semi >= 0 ? SipUri.params(text.substring(semi + 1)) : Map.of());
    }
    int close = text.indexOf('>', open);
    if (close < 0) {
      throw new HeaderParseException("address '" + abbreviate(text) + "' has '<' without '>'");
    }
    String display = displayName(text.substring(0, open).strip());
    String uri = text.substring(open + 1, close).strip();
    String rest = text.substring(close + 1).strip();
    if (!rest.isEmpty() && rest.charAt(0) != ';') {
      throw new HeaderParseException("unexpected text after '>' in '" + abbreviate(text) + "'");
    }
    return new NameAddr(display, uri, rest.isEmpty() ? Map.of() : SipUri.params(rest.substring(1)));
  }

  /** Parses a header that may hold several comma-separated addresses (P-Asserted-Identity, Diversion). */
  public static List<NameAddr> parseList(String value) throws HeaderParseException {
    List<NameAddr> result = new ArrayList<>();
    for (String part : splitTopLevel(value)) {
      if (!part.isBlank()) {
        result.add(parse(part));
      }
    }
    return result;
  }

  private static String displayName(String raw) throws HeaderParseException {
    if (raw.startsWith("\"")) {
      var out = new StringBuilder();
      for (int i = 1; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c == '\\' && i + 1 < raw.length()) {
          out.append(raw.charAt(++i));
        } else if (c == '"') {
          return out.toString();
        } else {
          out.append(c);
        }
      }
      throw new HeaderParseException("unterminated quoted display name " + abbreviate(raw));
    }
    return raw;
  }

  private static List<String> splitTopLevel(String value) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    boolean bracketed = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '<') {
        bracketed = true;
      } else if (!quoted && c == '>') {
        bracketed = false;
      } else if (!quoted && !bracketed && c == ',') {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }

  private static int indexOutsideQuotes(String text, char wanted) {
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
