package io.switchboard.sip.sdp;

import java.util.Objects;

/**
 * What our side puts in an SDP it writes.
 *
 * @param address the address peers send RTP to (the external one behind NAT)
 * @param rtpPort our RTP port for the audio stream
 * @param sessionId the o= session id, fixed for the call
 * @param sessionVersion the o= version; must grow whenever our description changes (RFC 3264 §8)
 * @param srtpKey our SDES master key and salt, used when the stream is SRTP (tag and suite are
 *     set per answer); null when the call never encrypts
 */
public record LocalSdp(String address, int rtpPort, String sessionId, long sessionVersion, SdesCrypto srtpKey) {
  public LocalSdp(String address, int rtpPort, String sessionId, long sessionVersion) {
    this(address, rtpPort, sessionId, sessionVersion, null);
  }

  public LocalSdp {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(sessionId, "sessionId");
    if (rtpPort <= 0 || rtpPort > 65535) {
      throw new IllegalArgumentException("RTP port out of range: " + rtpPort);
    }
  }

  SdpOrigin origin() {
    SdpConnection connection = SdpConnection.forAddress(address);
    return new SdpOrigin(
        "switchboard", sessionId, Long.toString(sessionVersion), "IN", connection.addressType(), address);
  }
}
