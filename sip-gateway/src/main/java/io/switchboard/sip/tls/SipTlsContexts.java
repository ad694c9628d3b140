package io.switchboard.sip.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The {@link SSLContext} of the SIP TLS listening point: our key material for peers that connect
 * to us, and the trust anchors for carriers we connect to: the JVM's default trust store unless
 * a CA file replaces it (a private carrier CA, or tests' own CA).
 */
public final class SipTlsContexts {
  private SipTlsContexts() {}

  /**
   * @param trustedCaFile PEM certificates to trust instead of the JVM's trust store; empty for the JVM's
   * @throws IllegalArgumentException when the CA file cannot be read
   */
  public static SSLContext create(KeyMaterial keys, Optional<Path> trustedCaFile, SecureRandom random) {
    try {
      char[] password = new char[0];
      var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys.keyStore(password), password);
      var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trustedCaFile.map(SipTlsContexts::trustStore).orElse(null));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), random);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up SIP TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore trustStore(Path caFile) {
    List<X509Certificate> authorities = KeyMaterial.Certificates.read(caFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < authorities.size(); i++) {
        store.setCertificateEntry("ca-" + i, authorities.get(i));
      }
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot use trusted CA file " + caFile + ": " + e.getMessage(), e);
    }
  }
}
