package io.switchboard.sip.inbound;

import io.switchboard.sip.header.ParameterizedValue;
import io.switchboard.sip.transport.SipHeaders;
import java.time.Duration;

/** RFC 4028 §9 (UAS behaviour), applied to an INVITE, re-INVITE or UPDATE from the peer. */
final class SessionTimerNegotiation {
  private SessionTimerNegotiation() {}

  /** @throws IllegalArgumentException naming the header when Session-Expires or Min-SE is malformed */
  static SessionTimerTerms negotiate(SipHeaders request, SessionTimerPolicy policy) {
    boolean peerSupports = request.hasToken("Supported", "timer");
    Duration requestMinimum = request.first("Min-SE").map(v -> seconds("Min-SE", v)).orElse(Duration.ZERO);
    var sessionExpires = request.first("Session-Expires").map(ParameterizedValue::parse);
    if (sessionExpires.isEmpty()) {
      if (!policy.enabled()) {
        return new SessionTimerTerms.Off();
      }
      Duration interval = max(policy.defaultInterval(), requestMinimum);
      // The caller did not ask for a timer; if it cannot refresh, we must (RFC 4028 §9).
      boolean weRefresh = !peerSupports || !policy.callerRefreshes();
      return new SessionTimerTerms.On(interval, weRefresh, peerSupports);
    }
    Duration requested = seconds("Session-Expires", sessionExpires.get().value());
    if (requested.compareTo(policy.minimum()) < 0) {
      return new SessionTimerTerms.TooSmall(policy.minimum());
    }
    String refresher = sessionExpires.get().params().getOrDefault("refresher", "");
    boolean weRefresh = switch (refresher) {
      case "uac" -> !peerSupports; // a caller without timer support cannot keep that promise
      case "uas" -> true;
      default -> !peerSupports || !policy.callerRefreshes();
    };
    return new SessionTimerTerms.On(requested, weRefresh, peerSupports);
  }

  /** Reads the delta-seconds of Session-Expires or Min-SE. */
  static Duration seconds(String header, String value) {
    String number = ParameterizedValue.parse(value).value();
    try {
      long seconds = Long.parseLong(number);
      if (seconds > 0 && seconds <= 86_400 * 7) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("malformed " + header + " header: '" + value + "'");
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
