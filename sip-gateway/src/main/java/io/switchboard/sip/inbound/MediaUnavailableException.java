package io.switchboard.sip.inbound;

/** The media layer cannot take another call right now. */
public final class MediaUnavailableException extends Exception {
  public MediaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public MediaUnavailableException(String message) {
    super(message);
  }
}
