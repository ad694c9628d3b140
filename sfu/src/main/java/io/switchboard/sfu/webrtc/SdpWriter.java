package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.TransportDescription;
import io.switchboard.sfu.transport.ice.IceCandidate;

/** Builds SDP text with CRLF line ends (RFC 8866 §5). */
final class SdpWriter {
  private final StringBuilder sb = new StringBuilder(2048);

  SdpWriter line(String line) {
    sb.append(line).append("\r\n");
    return this;
  }

  /** v=, o=, s=, t= for our session; the version grows with every offer or answer we make. */
  SdpWriter session(long sessionId, long version) {
    return line("v=0")
        .line("o=- " + sessionId + " " + version + " IN IP4 127.0.0.1")
        .line("s=-")
        .line("t=0 0");
  }

  /**
   * The transport lines of one BUNDLEd media section: connection, ICE credentials, fingerprint,
   * setup and our candidates (all inline: gathering is done when the transport opens).
   */
  SdpWriter transport(TransportDescription local, boolean withCandidates) {
    line("c=IN IP4 0.0.0.0");
    line("a=ice-ufrag:" + local.ice().ufrag());
    line("a=ice-pwd:" + local.ice().password());
    line("a=fingerprint:" + local.fingerprint().toSdpValue());
    line("a=setup:" + local.setup().sdpValue());
    if (withCandidates) {
      for (IceCandidate c : local.candidates()) {
        line("a=" + c.toSdp());
      }
      line("a=end-of-candidates");
    }
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
