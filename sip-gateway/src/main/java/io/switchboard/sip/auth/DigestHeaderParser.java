package io.switchboard.sip.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses {@code Digest} credentials (RFC 7616 §3.4, RFC 3261 §25.1 auth-param grammar):
 * comma-separated {@code name=token} or {@code name="quoted string"} pairs.
 */
public final class DigestHeaderParser {
  /** Longer than any honest header; stops a hostile one from costing more than this. */
  public static final int MAX_LENGTH = 4096;

  private DigestHeaderParser() {}

  /** True when the header value uses the Digest scheme (case-insensitive). */
  public static boolean isDigest(String headerValue) {
    String trimmed = headerValue.stripLeading();
    return trimmed.regionMatches(true, 0, "Digest", 0, 6)
        && (trimmed.length() == 6 || Character.isWhitespace(trimmed.charAt(6)));
  }

  public static DigestCredentials parse(String headerValue) throws DigestHeaderException {
    if (headerValue.length() > MAX_LENGTH) {
      throw new DigestHeaderException("Authorization header longer than " + MAX_LENGTH + " characters");
    }
    if (!isDigest(headerValue)) {
      throw new DigestHeaderException("Authorization scheme is not Digest");
    }
    Map<String, String> params = parseParams(headerValue.stripLeading().substring(6));
    return new DigestCredentials(
        required(params, "username"),
        required(params, "realm"),
        required(params, "nonce"),
        required(params, "uri"),
        required(params, "response"),
        params.get("algorithm"),
        params.get("qop"),
        params.get("nc"),
        params.get("cnonce"),
        params.get("opaque"));
  }

  private static String required(Map<String, String> params, String name) throws DigestHeaderException {
    String value = params.get(name);
    if (value == null) {
      throw new DigestHeaderException("Digest credentials lack the " + name + " parameter");
    }
    return value;
  }

  private static Map<String, String> parseParams(String text) throws DigestHeaderException {
    Map<String, String> params = new HashMap<>();
    int i = 0;
    int n = text.length();
    while (true) {
      i = skipSpace(text, i);
      if (i >= n) {
        return params;
      }
      int nameStart = i;
      while (i < n && text.charAt(i) != '=' && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      String name = text.substring(nameStart, i).toLowerCase(Locale.ROOT);
      i = skipSpace(text, i);
      if (name.isEmpty() || i >= n || text.charAt(i) != '=') {
        throw new DigestHeaderException("malformed Digest parameter near '" + excerpt(text, nameStart) + "'");
      }
      i = skipSpace(text, i + 1);
      var value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          char c = text.charAt(i);
          if (c == '\\' && i + 1 < n) {
            c = text.charAt(++i);
          }
          value.append(c);
          i++;
        }
        if (i >= n) {
          throw new DigestHeaderException("unterminated quoted value for Digest parameter " + name);
        }
        i++;
      } else {
        while (i < n && text.charAt(i) != ',' && !Character.isWhitespace(text.charAt(i))) {
          value.append(text.charAt(i++));
        }
      }
      if (params.put(name, value.toString()) != null) {
        throw new DigestHeaderException("Digest parameter " + name + " appears twice");
      }
      i = skipSpace(text, i);
      if (i < n && text.charAt(i) != ',') {
        throw new DigestHeaderException("expected ',' after Digest parameter " + name);
      }
      i++;
    }
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String excerpt(String text, int from) {
    return text.substring(from, Math.min(text.length(), from + 30));
  }
}
