package io.switchboard.sfu.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void isASelfSignedP256EcdsaCertificateValidFromADayAgo() throws Exception {
    DtlsCertificate cert =
        DtlsCertificate.generate(
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(30), new SecureRandom());
    X509Certificate x509 =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.der()));

    assertEquals("SHA256withECDSA", x509.getSigAlgName());
    ECPublicKey key = (ECPublicKey) x509.getPublicKey();
    assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
    assertEquals(x509.getSubjectX500Principal(), x509.getIssuerX500Principal());
    x509.verify(key); // self-signed
    assertEquals(NOW.minus(Duration.ofDays(1)), x509.getNotBefore().toInstant());
    assertEquals(NOW.plus(Duration.ofDays(30)), x509.getNotAfter().toInstant());
    assertEquals(NOW.plus(Duration.ofDays(30)), cert.notAfter());
  }

  @Test
  void fingerprintIsTheUppercaseSha256OfTheDer() throws Exception {
    DtlsCertificate cert =
        DtlsCertificate.generate(Clock.systemUTC(), Duration.ofDays(1), new SecureRandom());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.der());
    String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);

    assertEquals("sha-256", cert.fingerprint().hashFunction());
    assertEquals(expected, cert.fingerprint().value());
    assertEquals(95, expected.length()); // 32 bytes as XX: pairs
    assertTrue(cert.fingerprint().matches(cert.der()));
  }

  @Test
  void twoCertificatesHaveDifferentFingerprints() {
    Clock clock = Clock.systemUTC();
    assertNotEquals(
        DtlsCertificate.generate(clock, Duration.ofDays(1), new SecureRandom()).fingerprint(),
        DtlsCertificate.generate(clock, Duration.ofDays(1), new SecureRandom()).fingerprint());
  }

  @Test
  void fingerprintsParseFromSdpAndCompareCaseInsensitively() {
    String hex = "4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB";
    // RFC 8122 §5 example, in the lower case some stacks send.
    DtlsFingerprint parsed = DtlsFingerprint.parse("a=fingerprint:SHA-1 " + hex.toLowerCase());
    assertEquals(new DtlsFingerprint("sha-1", hex), parsed);
    assertEquals("sha-1 " + hex, parsed.toSdpValue());
  }

  @Test
  void malformedFingerprintsAreRejectedWithTheReason() {
    assertEquals(
        "sha-256 fingerprint must have 32 bytes, got 2",
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-256 AB:CD"))
            .getMessage());
    assertEquals(
        "unsupported fingerprint hash function 'md5' (expected sha-1, sha-224, sha-256, sha-384"
            + " or sha-512)",
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("md5 AB:CD"))
            .getMessage());
    assertEquals(
        "fingerprint value must be colon-separated hex pairs, got 'ABCD'",
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-1 ABCD"))
            .getMessage());
    assertEquals(
        "fingerprint must be '<hash-function> <hex>', got 'sha-256'",
        assertThrows(IllegalArgumentException.class, () -> DtlsFingerprint.parse("sha-256"))
            .getMessage());
  }
}
