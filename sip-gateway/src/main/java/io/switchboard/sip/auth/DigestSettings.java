package io.switchboard.sip.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

/**
 * Digest settings for inbound challenges.
 *
 * @param algorithms offered in this order (RFC 8760: SHA-256 first; some UAs only do MD5)
 * @param nonceValidity a nonce older than this gets a stale=true re-challenge
 * @param secret the HMAC key for stateless nonces; nodes sharing it accept each other's nonces
 */
public record DigestSettings(List<DigestAlgorithm> algorithms, Duration nonceValidity, byte[] secret) {
  public DigestSettings {
    algorithms = List.copyOf(algorithms);
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("at least one digest algorithm is needed");
    }
    if (nonceValidity.isNegative() || nonceValidity.isZero()) {
      throw new IllegalArgumentException("nonce validity must be positive: " + nonceValidity);
    }
    if (secret.length < 16) {
      throw new IllegalArgumentException("nonce secret must be at least 16 bytes, got " + secret.length);
    }
    secret = secret.clone();
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /**
   * MD5 only, 5-minute nonces, a random secret (nonces die with the process). MD5 alone because
   * UAs pick the first challenge and many (SIPp among them) fail outright on a SHA-256 one
   * instead of moving to the next; offer {@code [SHA_256, MD5]} for peers known to handle RFC 8760.
   */
  public static DigestSettings withRandomSecret() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return new DigestSettings(List.of(DigestAlgorithm.MD5), Duration.ofMinutes(5), secret);
  }

  public DigestSettings withAlgorithms(List<DigestAlgorithm> offered) {
    return new DigestSettings(offered, nonceValidity, secret);
  }

  public DigestSettings withNonceValidity(Duration validity) {
    return new DigestSettings(algorithms, validity, secret);
  }

  @Override
  public String toString() {
    return "DigestSettings[algorithms=" + algorithms + ", nonceValidity=" + nonceValidity + ", secret=***]";
  }
}
