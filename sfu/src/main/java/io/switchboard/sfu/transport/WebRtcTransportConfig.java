package io.switchboard.sfu.transport;

import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;

/**
 * @param ice candidate gathering
 * @param srtpProfiles offered or accepted in DTLS use_srtp, most preferred first
 * @param dtlsHandshakeTimeout how long the handshake may take once ICE connects
 * @param maxSsrcs SSRCs per direction an SRTP session will track over its life
 */
public record WebRtcTransportConfig(
    IceConfig ice, List<SrtpProfile> srtpProfiles, Duration dtlsHandshakeTimeout, int maxSsrcs) {
  public WebRtcTransportConfig {
    srtpProfiles = List.copyOf(srtpProfiles);
    if (srtpProfiles.isEmpty()) {
      throw new IllegalArgumentException("at least one SRTP profile is required");
    }
    if (dtlsHandshakeTimeout.isNegative() || dtlsHandshakeTimeout.isZero()) {
      throw new IllegalArgumentException(
          "DTLS handshake timeout must be positive, got " + dtlsHandshakeTimeout);
    }
    if (maxSsrcs < 1) {
      throw new IllegalArgumentException("maxSsrcs must be positive, got " + maxSsrcs);
    }
  }

  /** AEAD_AES_128_GCM then AES128_CM_HMAC_SHA1_80, a 30 s handshake limit and 1024 SSRCs. */
  public static WebRtcTransportConfig defaults(IceConfig ice) {
    return new WebRtcTransportConfig(
        ice, List.of(SrtpProfile.values()), Duration.ofSeconds(30), 1024);
  }
}
