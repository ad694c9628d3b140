package io.switchboard.sip.transport;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;

/** Words for a failed send that a user can act on: the stack wraps TLS failures in generic errors. */
final class TlsFailures {
  private TlsFailures() {}

  /** The TLS reason when the failure was one (an untrusted or misnamed certificate above all), else the message. */
  static String describe(Throwable failure) {
    SSLException tls = null;
    CertificateException certificate = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl && tls == null) {
        tls = ssl;
      }
      if (t instanceof CertificateException cert) {
        certificate = cert;
      }
    }
    if (certificate != null) {
      return "TLS handshake failed: the far end's certificate is not trusted (" + certificate.getMessage() + ")";
    }
    if (tls != null) {
      return "TLS handshake failed: " + tls.getMessage();
    }
    return failure.getMessage();
  }
}
