package io.switchboard.server;

import io.switchboard.server.config.SipTlsConfig;
import io.switchboard.sip.tls.KeyMaterial;
import io.switchboard.sip.tls.SelfSignedCertificate;
import io.switchboard.sip.tls.SipTlsContexts;
import io.switchboard.sip.transport.TlsListening;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code sip.tls} into the SIP stack's TLS listening point, or none when TLS is off.
 *
 * @throws IllegalArgumentException naming the unusable setting or file
 */
final class SipTls {
  private static final Logger log = LoggerFactory.getLogger(SipTls.class);

  private SipTls() {}

  static Optional<TlsListening> listening(SipTlsConfig tls, boolean development, String advertisedAddress,
      Clock clock) {
    if (!tls.enabled()) {
      return Optional.empty();
    }
    var random = new SecureRandom();
    KeyMaterial keys;
    try {
      if (!tls.certFile().isEmpty()) {
        keys = KeyMaterial.fromPem(Path.of(tls.certFile()), Path.of(tls.keyFile()));
      } else if (!tls.keystoreFile().isEmpty()) {
        keys = KeyMaterial.fromPkcs12(Path.of(tls.keystoreFile()), tls.keystorePassword().toCharArray());
      } else if (development) {
        log.warn("sip.tls: no certificate configured; using a self-signed one for {} (development mode)",
            advertisedAddress);
        keys = SelfSignedCertificate.generate(advertisedAddress, clock, random);
      } else {
        throw new IllegalArgumentException(
            "sip.tls is enabled without a certificate: set cert_file and key_file (PEM) or keystore_file (PKCS#12)");
      }
      Optional<Path> ca = tls.caFile().isEmpty() ? Optional.empty() : Optional.of(Path.of(tls.caFile()));
      return Optional.of(new TlsListening(tls.port(), SipTlsContexts.create(keys, ca, random)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sip.tls: " + e.getMessage(), e);
    }
  }
}
