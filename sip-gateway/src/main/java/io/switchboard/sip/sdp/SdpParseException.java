package io.switchboard.sip.sdp;

/** An SDP body that cannot be used; the message names the line and what is wrong with it. */
public final class SdpParseException extends Exception {
  public SdpParseException(String message) {
    super(message);
  }
}
