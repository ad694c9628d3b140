package io.switchboard.sip.outbound;

import io.switchboard.sip.auth.DigestAlgorithm;
import io.switchboard.sip.auth.DigestResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a server's digest challenge ({@code WWW-Authenticate} on 401, {@code
 * Proxy-Authenticate} on 407) with the credentials header for the re-sent request (RFC 3261
 * §22.2, RFC 7616 §3.4; qop {@code auth} when offered, else the RFC 2069 form).
 */
final class DigestAnswer {
  private DigestAnswer() {}

  /** The header to answer with and its value. */
  record Credentials(String headerName, String value) {}

  /**
   * @param status 401 or 407
   * @param challenges the values of the status's challenge header, in order
   * @param cnonce our client nonce (random per answer)
   * @return empty when no challenge is a Digest one with an algorithm we support
   */
  static Optional<Credentials> answer(int status, List<String> challenges, String username, String password,
      String method, String uri, String cnonce) {
    String header = status == 407 ? "Proxy-Authorization" : "Authorization";
    for (String challenge : challenges) {
      Optional<Map<String, String>> params = params(challenge);
      if (params.isEmpty()) {
        continue;
      }
      Map<String, String> p = params.get();
      Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(p.get("algorithm"));
      String realm = p.get("realm");
      String nonce = p.get("nonce");
      if (algorithm.isEmpty() || realm == null || nonce == null) {
        continue;
      }
      boolean qopAuth = p.containsKey("qop") && List.of(p.get("qop").toLowerCase(Locale.ROOT).split("\\s*,\\s*"))
          .contains("auth");
      String nc = "00000001";
      String response = DigestResponse.compute(algorithm.get(), username, realm, password, method, uri, nonce,
          qopAuth ? "auth" : null, nc, cnonce);
      StringBuilder value = new StringBuilder("Digest username=\"").append(quote(username))
          .append("\", realm=\"").append(quote(realm))
          .append("\", nonce=\"").append(quote(nonce))
          .append("\", uri=\"").append(quote(uri))
          .append("\", response=\"").append(response)
          .append("\", algorithm=").append(algorithm.get().token());
      if (qopAuth) {
        value.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
      }
      if (p.containsKey("opaque")) {
        value.append(", opaque=\"").append(quote(p.get("opaque"))).append('"');
      }
      return Optional.of(new Credentials(header, value.toString()));
    }
    return Optional.empty();
  }

  /** The challenge's parameters by lower-case name, or empty when it is not a Digest challenge. */
  static Optional<Map<String, String>> params(String challenge) {
    String text = challenge.strip();
    if (!text.regionMatches(true, 0, "Digest", 0, 6) || (text.length() > 6 && !Character.isWhitespace(text.charAt(6)))) {
      return Optional.empty();
    }
    Map<String, String> params = new HashMap<>();
    int i = 6;
    int n = text.length();
    while (i < n) {
      while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
        i++;
      }
      int eq = text.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String name = text.substring(i, eq).strip().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < n && text.charAt(i) == '"') {
        i++;
        while (i < n && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++; // closing quote
      } else {
        while (i < n && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      params.put(name, value.toString().strip());
    }
    return Optional.of(params);
  }

  private static String quote(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
