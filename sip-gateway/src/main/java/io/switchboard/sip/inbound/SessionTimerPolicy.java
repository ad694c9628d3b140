package io.switchboard.sip.inbound;

import java.time.Duration;

/**
 * Our side of RFC 4028 session timers.
 *
 * @param enabled whether to run a timer when the caller does not ask for one (we then refresh)
 * @param defaultInterval the interval we propose when the caller names none
 * @param minimum our Min-SE: shorter requested intervals get 422 (RFC 4028 requires ≥ 90 s)
 * @param callerRefreshes whom to choose as refresher when a timer-capable caller leaves it to us
 */
public record SessionTimerPolicy(boolean enabled, Duration defaultInterval, Duration minimum, boolean callerRefreshes) {
  public SessionTimerPolicy {
    if (minimum.toSeconds() < 90) {
      throw new IllegalArgumentException("Min-SE must be at least 90 seconds (RFC 4028 §4): " + minimum);
    }
    if (defaultInterval.compareTo(minimum) < 0) {
      throw new IllegalArgumentException(
          "session interval " + defaultInterval + " is below the minimum " + minimum);
    }
  }

  /** 30-minute sessions, 90 s minimum, caller refreshes when it can. */
  public static SessionTimerPolicy defaults() {
    return new SessionTimerPolicy(true, Duration.ofMinutes(30), Duration.ofSeconds(90), true);
  }
}
