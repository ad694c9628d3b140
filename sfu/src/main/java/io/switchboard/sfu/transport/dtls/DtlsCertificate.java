package io.switchboard.sfu.transport.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Our DTLS identity: a self-signed ECDSA P-256 certificate (SHA256withECDSA) and its SHA-256
 * fingerprint for SDP. WebRTC authenticates it by that fingerprint alone (RFC 8827 §6.5), so the
 * subject and chain mean nothing; P-256 with ECDSA is what every browser implements.
 */
public final class DtlsCertificate {
  /** Certificates start a day early so a peer with a slow clock still accepts them. */
  private static final Duration BACKDATE = Duration.ofDays(1);

  private final BcTlsCrypto crypto;
  private final Certificate chain;
  private final AsymmetricKeyParameter privateKey;
  private final byte[] der;
  private final DtlsFingerprint fingerprint;
  private final Instant notAfter;

  private DtlsCertificate(
      BcTlsCrypto crypto, byte[] der, AsymmetricKeyParameter privateKey, Instant notAfter)
      throws IOException {
    this.crypto = crypto;
    this.der = der;
    this.privateKey = privateKey;
    this.notAfter = notAfter;
    this.chain = new Certificate(new TlsCertificate[] {crypto.createCertificate(der)});
    this.fingerprint = DtlsFingerprint.of("sha-256", der);
  }

  /**
   * Generates a fresh key pair and certificate valid from a day before {@code clock.instant()} for
   * {@code lifetime}. Generation takes milliseconds; share one certificate among many transports
   * and rotate it before {@link #notAfter()}.
   */
  public static DtlsCertificate generate(Clock clock, Duration lifetime, SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      Instant now = clock.instant();
      Instant notAfter = now.plus(lifetime);
      X500Name subject = new X500Name("CN=switchboard");
      X509CertificateHolder holder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  new BigInteger(63, random),
                  Date.from(now.minus(BACKDATE)),
                  Date.from(notAfter),
                  subject,
                  keys.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      return new DtlsCertificate(
          new BcTlsCrypto(random),
          holder.getEncoded(),
          PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()),
          notAfter);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot generate an ECDSA P-256 certificate", e);
    }
  }

  /** The SHA-256 fingerprint to signal in SDP. */
  public DtlsFingerprint fingerprint() {
    return fingerprint;
  }

  public Instant notAfter() {
    return notAfter;
  }

  /** The DER encoding, e.g. for computing fingerprints with other hash functions. */
  public byte[] der() {
    return der.clone();
  }

  BcTlsCrypto crypto() {
    return crypto;
  }

  Certificate chain() {
    return chain;
  }

  AsymmetricKeyParameter privateKey() {
    return privateKey;
  }
}
