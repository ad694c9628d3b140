package io.switchboard.sfu.transport.srtp;

import java.util.Arrays;

/**
 * The master keys and salts of one SRTP session, seen from one end: what we protect with and what
 * we unprotect with. Built from DTLS-exported keying material, whose layout is fixed by RFC 5764
 * §4.2: client_write_SRTP_master_key | server_write_SRTP_master_key | client_write_SRTP_master_salt
 * | server_write_SRTP_master_salt. The DTLS client sends with the client key and salt.
 */
public final class SrtpMasterKeys {
  private final SrtpProfile profile;
  private final byte[] localKey;
  private final byte[] localSalt;
  private final byte[] remoteKey;
  private final byte[] remoteSalt;

  private SrtpMasterKeys(
      SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {
    this.profile = profile;
    this.localKey = localKey;
    this.localSalt = localSalt;
    this.remoteKey = remoteKey;
    this.remoteSalt = remoteSalt;
  }

  /**
   * Splits exported keying material (RFC 5764 §4.2).
   *
   * @param weAreDtlsClient whether this end was the DTLS client in the handshake that exported it
   */
  public static SrtpMasterKeys fromDtlsExport(
      SrtpProfile profile, boolean weAreDtlsClient, byte[] material) {
    if (material.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(
          "keying material for "
              + profile
              + " must be "
              + profile.keyingMaterialLength()
              + " bytes, got "
              + material.length);
    }
    int k = profile.keyLength();
    int s = profile.saltLength();
    byte[] clientKey = Arrays.copyOfRange(material, 0, k);
    byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
    byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
    byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
    return weAreDtlsClient
        ? new SrtpMasterKeys(profile, clientKey, clientSalt, serverKey, serverSalt)
        : new SrtpMasterKeys(profile, serverKey, serverSalt, clientKey, clientSalt);
  }

  /** Keys given directly, e.g. from SDES or test vectors. */
  public static SrtpMasterKeys of(
      SrtpProfile profile, byte[] localKey, byte[] localSalt, byte[] remoteKey, byte[] remoteSalt) {
    check(profile, "local key", localKey, profile.keyLength());
    check(profile, "local salt", localSalt, profile.saltLength());
    check(profile, "remote key", remoteKey, profile.keyLength());
    check(profile, "remote salt", remoteSalt, profile.saltLength());
    return new SrtpMasterKeys(
        profile, localKey.clone(), localSalt.clone(), remoteKey.clone(), remoteSalt.clone());
  }

  private static void check(SrtpProfile profile, String what, byte[] value, int length) {
    if (value.length != length) {
      throw new IllegalArgumentException(
          what + " for " + profile + " must be " + length + " bytes, got " + value.length);
    }
  }

  public SrtpProfile profile() {
    return profile;
  }

  byte[] localKey() {
    return localKey;
  }

  byte[] localSalt() {
    return localSalt;
  }

  byte[] remoteKey() {
    return remoteKey;
  }

  byte[] remoteSalt() {
    return remoteSalt;
  }

  @Override
  public String toString() {
    return "SrtpMasterKeys[" + profile + "]"; // never the keys
  }
}
