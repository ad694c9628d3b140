package io.switchboard.sip.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for development (or a test CA): an EC P-256 key, valid from a day
 * before now for a year, naming the host in the subject and in subjectAltName (DNS or IP).
 */
public final class SelfSignedCertificate {
  private static final Duration VALIDITY = Duration.ofDays(365);

  private SelfSignedCertificate() {}

  public static KeyMaterial generate(String host, Clock clock, SecureRandom random) {
    try {
      var generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair pair = generator.generateKeyPair();
      Instant now = clock.instant();
      var name = new X500Name("CN=" + host.replace(",", "\\,") + ",O=Switchboard development");
      var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, random).abs().add(BigInteger.ONE),
          Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, pair.getPublic());
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altName(host)));
      var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new KeyMaterial(pair.getPrivate(), List.of(certificate));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot generate a self-signed TLS certificate for " + host, e);
    }
  }

  private static GeneralName altName(String host) {
    String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean literal = bare.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
        && (bare.indexOf('.') > 0 || bare.indexOf(':') >= 0);
    if (literal) {
      try {
        return new GeneralName(GeneralName.iPAddress, InetAddress.ofLiteral(bare).getHostAddress());
      } catch (IllegalArgumentException notALiteral) {
        // a name made of hex digits and dots: fall through to DNS
      }
    }
    return new GeneralName(GeneralName.dNSName, bare);
  }
}
