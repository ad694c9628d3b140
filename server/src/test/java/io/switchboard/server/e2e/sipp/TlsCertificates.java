package io.switchboard.server.e2e.sipp;

import io.switchboard.sip.tls.KeyMaterial;
import io.switchboard.sip.tls.SelfSignedCertificate;
import io.switchboard.sip.tls.SipTlsContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * A party's self-signed certificate for {@code host}, written as PEM ({@code NAME.crt},
 * {@code NAME.key}) the way users configure {@code sip.tls}; trusting it means trusting its
 * {@code .crt} file.
 */
record TlsCertificates(KeyMaterial keys, Path certificateFile, Path keyFile) {
  static TlsCertificates generate(Path dir, String name, String host) throws IOException {
    KeyMaterial keys = SelfSignedCertificate.generate(host, Clock.systemUTC(), new SecureRandom());
    Path crt = dir.resolve(name + ".crt");
    Path key = dir.resolve(name + ".key");
    try {
      Files.writeString(crt, pem("CERTIFICATE", keys.chain().getFirst().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    Files.writeString(key, pem("PRIVATE KEY", keys.key().getEncoded()));
    return new TlsCertificates(keys, crt, key);
  }

  /** Presents this certificate and trusts only {@code trusted}'s. */
  SSLContext context(TlsCertificates trusted) {
    return SipTlsContexts.create(keys, Optional.of(trusted.certificateFile()), new SecureRandom());
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
