package io.switchboard.sip.inbound;

/** The timers a call runs. */
enum CallTimer {
  /** Nobody became ready to answer in time. */
  RINGING,
  /** The call reached its maximum duration. */
  MAX_DURATION,
  /** Time for us to refresh the session (we are the refresher). */
  SESSION_REFRESH,
  /** No refresh came in time: the session expired. */
  SESSION_EXPIRY,
  /** Retry a refresh that met glare (491, RFC 3261 §14.1). */
  REFRESH_RETRY
}
