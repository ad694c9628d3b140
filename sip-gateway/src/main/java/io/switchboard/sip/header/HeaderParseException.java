package io.switchboard.sip.header;

/** A header value that does not follow its grammar; the message names the header and the problem. */
public final class HeaderParseException extends Exception {
  public HeaderParseException(String message) {
    super(message);
  }
}
