package io.switchboard.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.media.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NonceServiceTest {
  private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final NonceService nonces = new NonceService(SECRET, clock, Duration.ofSeconds(30));

  @Test
  void freshNonceIsValidUntilItsValidityRunsOut() {
    String nonce = nonces.issue("203.0.113.9");
    assertEquals(NonceCheck.VALID, nonces.check(nonce, "203.0.113.9"));
    clock.advance(Duration.ofSeconds(30));
    assertEquals(NonceCheck.VALID, nonces.check(nonce, "203.0.113.9"));
    clock.advance(Duration.ofMillis(1));
    assertEquals(NonceCheck.STALE, nonces.check(nonce, "203.0.113.9"));
  }

  @Test
  void nonceIsBoundToThePeerItWasIssuedTo() {
    String nonce = nonces.issue("203.0.113.9");
    assertEquals(NonceCheck.INVALID, nonces.check(nonce, "198.51.100.1"));
  }

  @Test
  void alteredForeignOrGarbledNoncesAreInvalid() {
    String nonce = nonces.issue("peer");
    byte[] raw = Base64.getUrlDecoder().decode(nonce);
    raw[3] ^= 1; // move the timestamp: the tag no longer matches
    assertEquals(NonceCheck.INVALID, nonces.check(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), "peer"));
    var otherServer = new NonceService("another secret of 32 bytes......".getBytes(StandardCharsets.US_ASCII),
        clock, Duration.ofSeconds(30));
    assertEquals(NonceCheck.INVALID, otherServer.check(nonce, "peer"));
    assertEquals(NonceCheck.INVALID, nonces.check("dcd98b7102dd2f0e8b11d0f600bfb0c093", "peer"));
    assertEquals(NonceCheck.INVALID, nonces.check("not base64 !", "peer"));
  }

  @Test
  void noncesDifferOverTime() {
    String first = nonces.issue("peer");
    clock.advance(Duration.ofMillis(1));
    assertNotEquals(first, nonces.issue("peer"));
  }

  @Test
  void rejectsShortSecrets() {
    assertThrows(IllegalArgumentException.class, () -> new NonceService(new byte[8], clock, Duration.ofSeconds(1)));
  }
}
