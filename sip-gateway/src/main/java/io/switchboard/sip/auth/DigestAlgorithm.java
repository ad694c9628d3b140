package io.switchboard.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Digest hash algorithms: MD5 (RFC 2617) and SHA-256 (RFC 7616, for SIP RFC 8760). */
public enum DigestAlgorithm {
  SHA_256("SHA-256", "SHA-256"),
  MD5("MD5", "MD5");

  private final String token;
  private final String jcaName;

  DigestAlgorithm(String token, String jcaName) {
    this.token = token;
    this.jcaName = jcaName;
  }

  /** The value of the {@code algorithm=} parameter. */
  public String token() {
    return token;
  }

  /** Lower-case hex of the hash of the UTF-8 bytes of {@code text}. */
  public String hashHex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance(jcaName);
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + jcaName, e);
    }
  }

  /** The algorithm an {@code algorithm=} token names; absent means MD5 (RFC 7616 §3.3). */
  public static Optional<DigestAlgorithm> fromToken(String token) {
    if (token == null) {
      return Optional.of(MD5);
    }
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.token.equalsIgnoreCase(token)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
