package io.switchboard.sfu.transport.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate fingerprint as carried in SDP {@code a=fingerprint} (RFC 8122 §5): a hash function
 * name and the uppercase, colon-separated hex digest of the DER certificate.
 */
public record DtlsFingerprint(String hashFunction, String value) {
  private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

  public DtlsFingerprint {
    hashFunction = hashFunction.toLowerCase(Locale.ROOT);
    value = value.toUpperCase(Locale.ROOT);
    int digestLength = digestLength(hashFunction);
    if (!value.matches("[0-9A-F]{2}(:[0-9A-F]{2})*")) {
      throw new IllegalArgumentException(
          "fingerprint value must be colon-separated hex pairs, got '" + value + "'");
    }
    if ((value.length() + 1) / 3 != digestLength) {
      throw new IllegalArgumentException(
          hashFunction
              + " fingerprint must have "
              + digestLength
              + " bytes, got "
              + (value.length() + 1) / 3);
    }
  }

  /**
   * Parses the attribute value, e.g. {@code "sha-256 AB:CD:…"} (the text after {@code
   * a=fingerprint:}).
   */
  public static DtlsFingerprint parse(String attribute) {
    String trimmed = attribute.strip();
    if (trimmed.startsWith("a=fingerprint:")) {
      trimmed = trimmed.substring("a=fingerprint:".length());
    }
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException(
          "fingerprint must be '<hash-function> <hex>', got '" + attribute + "'");
    }
    return new DtlsFingerprint(trimmed.substring(0, space), trimmed.substring(space + 1).strip());
  }

  /** The fingerprint of a DER-encoded certificate under the given hash function. */
  public static DtlsFingerprint of(String hashFunction, byte[] derCertificate) {
    MessageDigest digest = digest(hashFunction);
    return new DtlsFingerprint(hashFunction, HEX.formatHex(digest.digest(derCertificate)));
  }

  /** Whether the DER-encoded certificate hashes to this fingerprint. */
  public boolean matches(byte[] derCertificate) {
    return MessageDigest.isEqual(HEX.parseHex(value), digest(hashFunction).digest(derCertificate));
  }

  /** The attribute value for SDP, e.g. {@code "sha-256 AB:CD:…"}. */
  public String toSdpValue() {
    return hashFunction + " " + value;
  }

  @Override
  public String toString() {
    return toSdpValue();
  }

  private static int digestLength(String hashFunction) {
    return digest(hashFunction).getDigestLength();
  }

  private static MessageDigest digest(String hashFunction) {
    String algorithm =
        switch (hashFunction.toLowerCase(Locale.ROOT)) {
          case "sha-1" -> "SHA-1";
          case "sha-224" -> "SHA-224";
          case "sha-256" -> "SHA-256";
          case "sha-384" -> "SHA-384";
          case "sha-512" -> "SHA-512";
          default ->
              throw new IllegalArgumentException(
                  "unsupported fingerprint hash function '"
                      + hashFunction
                      + "' (expected sha-1, sha-224, sha-256, sha-384 or sha-512)");
        };
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is missing from this JVM", e);
    }
  }
}
