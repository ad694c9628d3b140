package io.switchboard.sfu.webrtc;

import io.switchboard.sfu.transport.dtls.DtlsFingerprint;
import io.switchboard.sfu.transport.dtls.DtlsSetup;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceParameters;
import java.util.ArrayList;
import java.util.List;

/** The peer's transport half of an SDP: ICE credentials, fingerprint, setup and candidates. */
public record RemoteTransport(
    IceParameters ice, List<DtlsFingerprint> fingerprints, DtlsSetup setup, List<IceCandidate> candidates) {
  public RemoteTransport {
    fingerprints = List.copyOf(fingerprints);
    candidates = List.copyOf(candidates);
  }

  /**
   * Reads them from a BUNDLEd description.
   *
   * @throws IllegalArgumentException naming the attribute that is missing or wrong
   */
  public static RemoteTransport of(Sdp sdp) {
    String ufrag = sdp.transportAttribute("ice-ufrag").orElseThrow(() -> missing("ice-ufrag"));
    String pwd = sdp.transportAttribute("ice-pwd").orElseThrow(() -> missing("ice-pwd"));
    String fingerprint =
        sdp.transportAttribute("fingerprint").orElseThrow(() -> missing("fingerprint"));
    String setup = sdp.transportAttribute("setup").orElseThrow(() -> missing("setup"));
    List<IceCandidate> candidates = new ArrayList<>();
    for (Sdp.Media m : sdp.media()) {
      for (String c : m.attributes("candidate")) {
        candidates.add(IceCandidate.parse("candidate:" + c));
      }
    }
    return new RemoteTransport(
        new IceParameters(ufrag, pwd),
        List.of(DtlsFingerprint.parse(fingerprint)),
        DtlsSetup.parse(setup),
        candidates);
  }

  private static IllegalArgumentException missing(String attribute) {
    return new IllegalArgumentException("SDP has no a=" + attribute);
  }
}
