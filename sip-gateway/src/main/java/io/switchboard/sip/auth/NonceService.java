package io.switchboard.sip.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless nonces: {@code base64url(issuedAtMillis ‖ HMAC-SHA256(secret, issuedAtMillis ‖ binding)[0..16))}.
 * Nothing is stored per challenge, so a flood of unauthenticated INVITEs costs no memory; the
 * binding (the peer's address) keeps a nonce from being used by another peer.
 */
public final class NonceService {
  private static final int TIMESTAMP_BYTES = 8;
  private static final int TAG_BYTES = 16;
  /** Nonces from a clock slightly ahead (another node) are tolerated up to this much. */
  private static final Duration FUTURE_SKEW = Duration.ofSeconds(5);

  private final SecretKeySpec key;
  private final Clock clock;
  private final Duration validity;

  public NonceService(byte[] secret, Clock clock, Duration validity) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("nonce secret must be at least 16 bytes, got " + secret.length);
    }
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("nonce validity must be positive: " + validity);
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.clock = clock;
    this.validity = validity;
  }

  public String issue(String binding) {
    long now = clock.millis();
    byte[] nonce = ByteBuffer.allocate(TIMESTAMP_BYTES + TAG_BYTES)
        .putLong(now)
        .put(tag(now, binding))
        .array();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
  }

  public NonceCheck check(String nonce, String binding) {
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(nonce);
    } catch (IllegalArgumentException e) {
      return NonceCheck.INVALID;
    }
    if (raw.length != TIMESTAMP_BYTES + TAG_BYTES) {
      return NonceCheck.INVALID;
    }
    long issuedAt = ByteBuffer.wrap(raw).getLong();
    byte[] presented = Arrays.copyOfRange(raw, TIMESTAMP_BYTES, raw.length);
    if (!MessageDigest.isEqual(presented, tag(issuedAt, binding))) {
      return NonceCheck.INVALID;
    }
    long now = clock.millis();
    if (issuedAt > now + FUTURE_SKEW.toMillis()) {
      return NonceCheck.INVALID;
    }
    return now - issuedAt > validity.toMillis() ? NonceCheck.STALE : NonceCheck.VALID;
  }

  private byte[] tag(long issuedAt, String binding) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(ByteBuffer.allocate(TIMESTAMP_BYTES).putLong(issuedAt).array());
      mac.update(binding.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(mac.doFinal(), TAG_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
