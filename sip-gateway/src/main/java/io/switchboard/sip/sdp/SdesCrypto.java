package io.switchboard.sip.sdp;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * One SDES {@code a=crypto} attribute (RFC 4568 §9.1):
 * {@code <tag> <crypto-suite> inline:<base64 key||salt>[|lifetime][|MKI:length] [session params]}.
 * Only what we can use is accepted: a known suite, one inline key of 30 bytes, no MKI and no
 * session parameters (an unknown parameter makes the line unusable, RFC 4568 §6.3).
 *
 * @param keySalt master key (16 bytes) followed by master salt (14 bytes)
 */
public record SdesCrypto(int tag, SrtpSuite suite, byte[] keySalt) {
  public SdesCrypto {
    Objects.requireNonNull(suite, "suite");
    if (tag < 0 || tag > 999_999_999) {
      throw new IllegalArgumentException("crypto tag must be 1 to 9 digits, got " + tag);
    }
    if (keySalt.length != SrtpSuite.KEY_SALT_LENGTH) {
      throw new IllegalArgumentException(
          "SDES key||salt must be " + SrtpSuite.KEY_SALT_LENGTH + " bytes, got " + keySalt.length);
    }
    keySalt = keySalt.clone();
  }

  @Override
  public byte[] keySalt() {
    return keySalt.clone();
  }

  /** Why a value cannot be used, or the parsed attribute. */
  public sealed interface Parsed {
    record Usable(SdesCrypto crypto) implements Parsed {}

    record Unusable(String reason) implements Parsed {}
  }

  /** A fresh master key and salt from {@code random} (RFC 4568 §6.1: keys must be random). */
  public static SdesCrypto generate(SecureRandom random) {
    byte[] keySalt = new byte[SrtpSuite.KEY_SALT_LENGTH];
    random.nextBytes(keySalt);
    return new SdesCrypto(1, SrtpSuite.AES_CM_128_HMAC_SHA1_80, keySalt);
  }

  /** Parses the value of an {@code a=crypto} line (after "crypto:"). */
  public static Parsed parse(String value) {
    String[] fields = value.trim().split("\\s+");
    if (fields.length < 3) {
      return new Parsed.Unusable("a=crypto needs a tag, a suite and key parameters: " + value);
    }
    if (!fields[0].matches("\\d{1,9}")) {
      return new Parsed.Unusable("a=crypto tag is not 1 to 9 digits: " + fields[0]);
    }
    Optional<SrtpSuite> suite = SrtpSuite.named(fields[1]);
    if (suite.isEmpty()) {
      return new Parsed.Unusable("unsupported crypto suite " + fields[1]);
    }
    if (fields.length > 3) {
      return new Parsed.Unusable("unsupported SDES session parameters: " + fields[3]);
    }
    if (fields[2].contains(";")) {
      return new Parsed.Unusable("more than one master key is not supported");
    }
    if (!fields[2].regionMatches(true, 0, "inline:", 0, 7)) {
      return new Parsed.Unusable("key method is not inline: " + fields[2]);
    }
    String[] keyParts = fields[2].substring(7).split("\\|");
    for (int i = 1; i < keyParts.length; i++) {
      if (keyParts[i].contains(":")) {
        return new Parsed.Unusable("MKI is not supported: " + keyParts[i]);
      }
    }
    byte[] keySalt;
    try {
      keySalt = Base64.getDecoder().decode(keyParts[0]);
    } catch (IllegalArgumentException e) {
      return new Parsed.Unusable("inline key is not base64: " + e.getMessage());
    }
    if (keySalt.length != SrtpSuite.KEY_SALT_LENGTH) {
      return new Parsed.Unusable("inline key||salt must be 30 bytes, got " + keySalt.length);
    }
    return new Parsed.Usable(new SdesCrypto(Integer.parseInt(fields[0]), suite.get(), keySalt));
  }

  /** The attribute value: {@code 1 AES_CM_128_HMAC_SHA1_80 inline:<base64>}. */
  public String format() {
    return tag + " " + suite.name() + " inline:" + Base64.getEncoder().encodeToString(keySalt);
  }

  public SdesCrypto withTagAndSuite(int newTag, SrtpSuite newSuite) {
    return new SdesCrypto(newTag, newSuite, keySalt);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SdesCrypto c && c.tag == tag && c.suite == suite && Arrays.equals(c.keySalt, keySalt);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * tag + suite.hashCode()) + Arrays.hashCode(keySalt);
  }

  @Override
  public String toString() {
    return "SdesCrypto[" + tag + " " + suite + "]"; // never the key
  }
}
