package io.switchboard.sip.auth;

/** What a nonce we receive back turns out to be. */
public enum NonceCheck {
  /** Ours, unaltered, and young enough. */
  VALID,
  /** Ours and unaltered, but older than the validity period: re-challenge with stale=true. */
  STALE,
  /** Not ours, altered, issued to another peer, or unreadable. */
  INVALID
}
