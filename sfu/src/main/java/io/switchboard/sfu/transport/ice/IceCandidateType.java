package io.switchboard.sfu.transport.ice;

import java.util.Locale;

/** RFC 8839 §5.1 cand-type. */
public enum IceCandidateType {
  HOST,
  SRFLX,
  PRFLX,
  RELAY;

  public String sdpValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static IceCandidateType parse(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "host" -> HOST;
      case "srflx" -> SRFLX;
      case "prflx" -> PRFLX;
      case "relay" -> RELAY;
      default ->
          throw new IllegalArgumentException(
              "candidate type must be host, srflx, prflx or relay, got '" + value + "'");
    };
  }
}
