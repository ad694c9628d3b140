package io.switchboard.sip.auth;

/** An Authorization header that cannot be parsed; the message says what is wrong. */
public final class DigestHeaderException extends Exception {
  public DigestHeaderException(String message) {
    super(message);
  }
}
