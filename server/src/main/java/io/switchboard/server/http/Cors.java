package io.switchboard.server.http;

import java.util.Map;

/**
 * Cross-origin rules, as LiveKit's server applies them: any origin may call the APIs, because
 * browsers running livekit-client call {@code /rtc/validate} (and apps call Twirp) from their own
 * origin; access tokens, not origins, are what protect them.
 */
final class Cors {
  /** Header every response carries so that browsers let pages read it. */
  static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

  private Cors() {}

  /** A CORS preflight: an OPTIONS request announcing the method it will use. */
  static boolean isPreflight(HttpExchange exchange) {
    return exchange.method().equals("OPTIONS") && exchange.headers().containsKey("access-control-request-method");
  }

  /** The answer to a preflight: allow the method and whatever headers the browser asked for. */
  static HttpReply preflight(HttpExchange exchange) {
    String requested = exchange.headers().getOrDefault("access-control-request-headers", "");
    return new HttpReply(
        204,
        "text/plain",
        new byte[0],
        Map.of(
            ALLOW_ORIGIN, "*",
            "Access-Control-Allow-Methods", "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers", requested.isEmpty() ? "*" : requested,
            "Access-Control-Max-Age", "86400"));
  }
}
