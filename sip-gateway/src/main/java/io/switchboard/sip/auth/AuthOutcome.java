package io.switchboard.sip.auth;

/** The verdict on a request's credentials, which the call maps to a response. */
public sealed interface AuthOutcome {
  /** Credentials are right and fresh. */
  record Authenticated(String username) implements AuthOutcome {}

  /** Challenge (401): no usable credentials, or right credentials on a stale nonce ({@code stale}). */
  record Challenge(boolean stale) implements AuthOutcome {}

  /** Wrong username or password: the same answer for both, so users cannot be enumerated (403). */
  record Forbidden() implements AuthOutcome {}

  /** Unparseable credentials (400). */
  record Malformed(String reason) implements AuthOutcome {}
}
