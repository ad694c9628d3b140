package io.switchboard.sip.transport;

import java.util.Locale;

/** The SIP transports we listen on. */
public enum TransportProtocol {
  UDP,
  TCP;

  /** Reads a Via transport token; anything but TCP is treated as UDP. */
  public static TransportProtocol fromToken(String token) {
    return token != null && token.toUpperCase(Locale.ROOT).equals("TCP") ? TCP : UDP;
  }

  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }
}
