package io.switchboard.sip.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void selfSignedCertificateNamesTheAddressInSubjectAltNameAndIsValidForAYearFromTheClock() throws Exception {
    KeyMaterial ip = SelfSignedCertificate.generate("203.0.113.7", CLOCK, new SecureRandom());
    KeyMaterial dns = SelfSignedCertificate.generate("sip.example.com", CLOCK, new SecureRandom());

    X509Certificate certificate = ip.chain().getFirst();
    assertEquals(List.of(List.of(7, "203.0.113.7")), List.copyOf(certificate.getSubjectAlternativeNames()));
    assertEquals(List.of(List.of(2, "sip.example.com")),
        List.copyOf(dns.chain().getFirst().getSubjectAlternativeNames()));
    assertEquals(Instant.parse("2026-02-28T12:00:00Z"), certificate.getNotBefore().toInstant());
    assertEquals(Instant.parse("2027-03-01T12:00:00Z"), certificate.getNotAfter().toInstant());
    certificate.verify(certificate.getPublicKey()); // self-signed: its own key signed it
    assertEquals("EC", ip.key().getAlgorithm());
  }

  @Test
  void pemCertificateWithPkcs8EcKeyOrTraditionalRsaKeyReadsBack() throws Exception {
    KeyMaterial ec = SelfSignedCertificate.generate("127.0.0.1", CLOCK, new SecureRandom());
    Path crt = writePem(dir.resolve("ec.crt"), ec.chain().getFirst());
    Path pkcs8 = dir.resolve("ec.key");
    Files.writeString(pkcs8, "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder().encodeToString(ec.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

    KeyMaterial read = KeyMaterial.fromPem(crt, pkcs8);
    assertEquals(ec.chain(), read.chain());
    assertArrayEquals(ec.key().getEncoded(), read.key().getEncoded());

    // openssl's traditional "BEGIN RSA PRIVATE KEY" (PKCS#1), as many carriers' guides produce.
    var rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    var pair = rsa.generateKeyPair();
    Path rsaKey = writePem(dir.resolve("rsa.key"), pair);
    assertTrue(Files.readString(rsaKey).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    assertArrayEquals(pair.getPrivate().getEncoded(), KeyMaterial.fromPem(crt, rsaKey).key().getEncoded());
  }

  @Test
  void pkcs12KeystoreReadsBackItsKeyEntry() throws Exception {
    KeyMaterial keys = SelfSignedCertificate.generate("127.0.0.1", CLOCK, new SecureRandom());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("sip", keys.key(), "secret".toCharArray(), keys.chain().toArray(Certificate[]::new));
    Path file = dir.resolve("sip.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "secret".toCharArray());
    }

    KeyMaterial read = KeyMaterial.fromPkcs12(file, "secret".toCharArray());
    assertEquals(keys.chain(), read.chain());
    var wrongPassword = assertThrows(IllegalArgumentException.class,
        () -> KeyMaterial.fromPkcs12(file, "nope".toCharArray()));
    assertTrue(wrongPassword.getMessage().contains(file.toString()), wrongPassword.getMessage());
  }

  @Test
  void unreadableFilesAreNamedInTheError() throws Exception {
    KeyMaterial keys = SelfSignedCertificate.generate("127.0.0.1", CLOCK, new SecureRandom());
    Path crt = writePem(dir.resolve("a.crt"), keys.chain().getFirst());
    Path missing = dir.resolve("missing.key");
    Path notAKey = writePem(dir.resolve("cert-as-key.pem"), keys.chain().getFirst());

    var noFile = assertThrows(IllegalArgumentException.class, () -> KeyMaterial.fromPem(crt, missing));
    assertTrue(noFile.getMessage().contains("missing.key"), noFile.getMessage());
    var wrongKind = assertThrows(IllegalArgumentException.class, () -> KeyMaterial.fromPem(crt, notAKey));
    assertTrue(wrongKind.getMessage().contains("cert-as-key.pem"), wrongKind.getMessage());
    var noCa = assertThrows(IllegalArgumentException.class,
        () -> SipTlsContexts.create(keys, Optional.of(dir.resolve("ca.pem")), new SecureRandom()));
    assertTrue(noCa.getMessage().contains("ca.pem"), noCa.getMessage());
  }

  private static Path writePem(Path file, Object object) throws Exception {
    try (var writer = new JcaPEMWriter(new FileWriter(file.toFile()))) {
      writer.writeObject(object);
    }
    return file;
  }
}
