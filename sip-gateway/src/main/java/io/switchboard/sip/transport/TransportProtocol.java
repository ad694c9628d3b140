package io.switchboard.sip.transport;

import java.util.Locale;

/** The SIP transports we listen on. */
public enum TransportProtocol {
  UDP,
  TCP,
  TLS;

  /** Reads a Via transport token; anything but TCP or TLS is treated as UDP. */
  public static TransportProtocol fromToken(String token) {
    if (token == null) {
      return UDP;
    }
    return switch (token.toUpperCase(Locale.ROOT)) {
      case "TCP" -> TCP;
      case "TLS" -> TLS;
      default -> UDP;
    };
  }

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
