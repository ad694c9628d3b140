package io.switchboard.sfu.transport.dtls;

import io.switchboard.sfu.transport.srtp.SrtpMasterKeys;
import io.switchboard.sfu.transport.srtp.SrtpProfile;

/** What a completed DTLS-SRTP handshake yields: our role, the chosen profile and the keys. */
public final class DtlsHandshakeResult {
  private final DtlsRole role;
  private final SrtpProfile profile;
  private final byte[] keyingMaterial;

  DtlsHandshakeResult(DtlsRole role, SrtpProfile profile, byte[] keyingMaterial) {
    this.role = role;
    this.profile = profile;
    this.keyingMaterial = keyingMaterial.clone();
  }

  public DtlsRole role() {
    return role;
  }

  public SrtpProfile profile() {
    return profile;
  }

  /** The EXTRACTOR-dtls_srtp export (RFC 5764 §4.2), identical at both ends. */
  public byte[] keyingMaterial() {
    return keyingMaterial.clone();
  }

  /** The export split into the keys we protect with and the keys we unprotect with. */
  public SrtpMasterKeys srtpKeys() {
    return SrtpMasterKeys.fromDtlsExport(profile, role == DtlsRole.CLIENT, keyingMaterial);
  }

  @Override
  public String toString() {
    return "DtlsHandshakeResult[" + role + ", " + profile + "]";
  }
}
