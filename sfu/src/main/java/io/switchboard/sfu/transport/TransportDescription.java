package io.switchboard.sfu.transport;

import io.switchboard.sfu.transport.dtls.DtlsFingerprint;
import io.switchboard.sfu.transport.dtls.DtlsSetup;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceParameters;
import java.util.List;

/**
 * The transport half of our SDP: {@code a=ice-ufrag}, {@code a=ice-pwd}, {@code a=candidate},
 * {@code a=fingerprint} and {@code a=setup} (plus the implied {@code a=rtcp-mux} and BUNDLE).
 */
public record TransportDescription(
    IceParameters ice,
    List<IceCandidate> candidates,
    DtlsFingerprint fingerprint,
    DtlsSetup setup) {
  public TransportDescription {
    candidates = List.copyOf(candidates);
  }
}
