package io.switchboard.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Our private key and certificate chain (leaf first), as presented to TLS peers.
 *
 * @throws IllegalArgumentException from the factories, naming the file and what is wrong with it
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
  public KeyMaterial {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS certificate chain needs at least one certificate");
    }
  }

  /** A PEM certificate file (leaf first, then intermediates) and a PEM key (PKCS#8, PKCS#1 or SEC1). */
  public static KeyMaterial fromPem(Path certificateFile, Path keyFile) {
    List<X509Certificate> chain = Certificates.read(certificateFile);
    PrivateKey key;
    try (Reader reader = Files.newBufferedReader(keyFile); var pem = new PEMParser(reader)) {
      Object parsed = pem.readObject();
      var converter = new JcaPEMKeyConverter();
      key = switch (parsed) {
        case PrivateKeyInfo info -> converter.getPrivateKey(info);
        case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
        case null -> throw new IllegalArgumentException("no PEM private key in " + keyFile);
        default -> throw new IllegalArgumentException(
            "unsupported PEM object in " + keyFile + " (" + parsed.getClass().getSimpleName()
                + "): use an unencrypted PKCS#8, RSA or EC private key");
      };
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read TLS private key " + keyFile + ": " + e.getMessage(), e);
    }
    return new KeyMaterial(key, chain);
  }

  /** The first private key entry of a PKCS#12 keystore. */
  public static KeyMaterial fromPkcs12(Path keystoreFile, char[] password) {
    try (InputStream in = Files.newInputStream(keystoreFile)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          List<X509Certificate> chain = new ArrayList<>();
          for (Certificate c : store.getCertificateChain(alias)) {
            chain.add((X509Certificate) c);
          }
          return new KeyMaterial((PrivateKey) store.getKey(alias, password), chain);
        }
      }
      throw new IllegalArgumentException("TLS keystore " + keystoreFile + " holds no private key entry");
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read TLS keystore " + keystoreFile + ": " + e.getMessage(), e);
    }
  }

  /** An in-memory keystore holding this key and chain, for a {@code KeyManagerFactory}. */
  KeyStore keyStore(char[] password) throws GeneralSecurityException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("sip", key, password, chain.toArray(Certificate[]::new));
      return store;
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot make an in-memory keystore", e);
    }
  }

  /** Reads PEM certificates with the JDK. */
  static final class Certificates {
    private Certificates() {}

    static List<X509Certificate> read(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          certificates.add((X509Certificate) c);
        }
        if (certificates.isEmpty()) {
          throw new IllegalArgumentException("no PEM certificate in " + file);
        }
        return certificates;
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot read certificates from " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
