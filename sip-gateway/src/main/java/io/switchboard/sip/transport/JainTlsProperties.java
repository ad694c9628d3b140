package io.switchboard.sip.transport;

import java.time.Duration;
import java.util.Properties;

/** The JAIN-SIP stack properties for SIP over TLS. */
final class JainTlsProperties {
  private JainTlsProperties() {}

  /**
   * Sockets from our context (see {@link JainTlsNetworkLayer}); carriers present no client
   * certificate, so none is asked for; the JDK's protocols and suites, not the stack's outdated
   * defaults (TLS 1.0 and RSA key exchange, which JDK 25 refuses).
   */
  static void apply(Properties p, TlsListening tls, Duration handshakeTimeout) {
    p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", JainTlsNetworkLayer.class.getName());
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
    p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
    p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
        String.join(", ", tls.context().getDefaultSSLParameters().getCipherSuites()));
    p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Long.toString(handshakeTimeout.toMillis()));
  }
}
