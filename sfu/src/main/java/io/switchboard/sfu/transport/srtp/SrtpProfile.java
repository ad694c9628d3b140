package io.switchboard.sfu.transport.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles we negotiate in DTLS use_srtp (RFC 5764 §4.1.2, RFC 7714 §14.2),
 * with the key, salt and tag sizes each implies. Declaration order is our preference: GCM (one AES
 * pass, no HMAC) before the mandatory-to-implement AES-CM/HMAC-SHA1-80.
 */
public enum SrtpProfile {
  /** RFC 7714: AES-128-GCM, 96-bit salt, 128-bit tag for both SRTP and SRTCP. */
  AEAD_AES_128_GCM(0x0007, 16, 12, 0, 16),
  /** RFC 5764 §4.1.2: AES-128 counter mode, 112-bit salt, HMAC-SHA1 truncated to 80 bits. */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14, 20, 10);

  private final int id;
  private final int keyLength;
  private final int saltLength;
  private final int authKeyLength;
  private final int tagLength;

  SrtpProfile(int id, int keyLength, int saltLength, int authKeyLength, int tagLength) {
    this.id = id;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
    this.authKeyLength = authKeyLength;
    this.tagLength = tagLength;
  }

  /** The two-byte SRTPProtectionProfile value carried in the use_srtp extension. */
  public int id() {
    return id;
  }

  public int keyLength() {
    return keyLength;
  }

  public int saltLength() {
    return saltLength;
  }

  int authKeyLength() {
    return authKeyLength;
  }

  /** Authentication tag bytes appended to each SRTP and SRTCP packet. */
  public int tagLength() {
    return tagLength;
  }

  /**
   * Bytes of DTLS-exported keying material this profile needs: two keys and two salts (RFC 5764
   * §4.2).
   */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  public static Optional<SrtpProfile> fromId(int id) {
    for (SrtpProfile p : values()) {
      if (p.id == id) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
