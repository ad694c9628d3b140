package io.switchboard.sfu.transport.dtls;

/** The DTLS handshake failed: bad fingerprint, no common SRTP profile, timeout, or closed. */
public final class DtlsHandshakeException extends Exception {
  public DtlsHandshakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
