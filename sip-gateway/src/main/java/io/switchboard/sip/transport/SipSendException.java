package io.switchboard.sip.transport;

/** The stack refused or failed to send a message (transaction gone, socket error). */
public final class SipSendException extends RuntimeException {
  public SipSendException(String message, Throwable cause) {
    super(message, cause);
  }
}
