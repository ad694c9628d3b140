package io.switchboard.sip.header;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a {@code sip:}, {@code sips:} or {@code tel:} URI we route on (RFC 3261 §19.1,
 * RFC 3966). Other schemes parse with an empty user and host so callers can reject them (416).
 *
 * @param user the user part, %-unescaped (for tel: the number); empty when absent
 * @param host empty for tel: URIs
 * @param port -1 when absent
 * @param params URI parameters, names lower-cased; a flag parameter maps to ""
 */
public record SipUri(String scheme, String user, String host, int port, Map<String, String> params) {
  public SipUri {
    params = Map.copyOf(params);
  }

  public boolean isSip() {
    return scheme.equals("sip") || scheme.equals("sips");
  }

  public boolean isTel() {
    return scheme.equals("tel");
  }

  public static SipUri parse(String text) throws HeaderParseException {
    String uri = text.strip();
    int colon = uri.indexOf(':');
    if (colon <= 0) {
      throw new HeaderParseException("URI '" + abbreviate(uri) + "' has no scheme");
    }
    String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = uri.substring(colon + 1);
    if (scheme.equals("tel")) {
      int semi = rest.indexOf(';');
      String number = semi >= 0 ? rest.substring(0, semi) : rest;
      if (number.isEmpty()) {
        throw new HeaderParseException("tel URI '" + abbreviate(uri) + "' has no number");
      }
      return new SipUri(scheme, number, "", -1, semi >= 0 ? params(rest.substring(semi + 1)) : Map.of());
    }
    if (!scheme.equals("sip") && !scheme.equals("sips")) {
      return new SipUri(scheme, "", "", -1, Map.of());
    }
    int headers = rest.indexOf('?');
    if (headers >= 0) {
      rest = rest.substring(0, headers);
    }
    int at = rest.lastIndexOf('@');
    String user = at >= 0 ? unescape(rest.substring(0, at)) : "";
    int password = user.indexOf(':');
    if (password >= 0) {
      user = user.substring(0, password);
    }
    String hostPart = at >= 0 ? rest.substring(at + 1) : rest;
    int semi = hostPart.indexOf(';');
    Map<String, String> params = semi >= 0 ? params(hostPart.substring(semi + 1)) : Map.of();
    String hostPort = semi >= 0 ? hostPart.substring(0, semi) : hostPart;
    String host = hostPort;
    int port = -1;
    int portColon = hostPort.startsWith("[") ? hostPort.indexOf("]:") + 1 : hostPort.lastIndexOf(':');
    if (portColon > 0) {
      host = hostPort.substring(0, portColon);
      try {
        port = Integer.parseInt(hostPort.substring(portColon + 1));
      } catch (NumberFormatException e) {
        throw new HeaderParseException("URI '" + abbreviate(uri) + "' has a bad port");
      }
      if (port < 1 || port > 65535) {
        throw new HeaderParseException("URI '" + abbreviate(uri) + "' port " + port + " is out of range");
      }
    }
    if (host.isEmpty()) {
      throw new HeaderParseException("URI '" + abbreviate(uri) + "' has no host");
    }
    return new SipUri(scheme, user, host.toLowerCase(Locale.ROOT), port, params);
  }

  static Map<String, String> params(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String param : text.split(";")) {
      if (param.isBlank()) {
        continue;
      }
      int equals = param.indexOf('=');
      String name = (equals >= 0 ? param.substring(0, equals) : param).strip().toLowerCase(Locale.ROOT);
      String value = equals >= 0 ? param.substring(equals + 1).strip() : "";
      params.putIfAbsent(name, value);
    }
    return params;
  }

  /** RFC 3261 §19.1.2: %HH escapes in the user part; a malformed escape is kept literally. */
  static String unescape(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    var bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()
          && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
