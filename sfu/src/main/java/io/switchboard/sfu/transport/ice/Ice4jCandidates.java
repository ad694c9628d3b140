package io.switchboard.sfu.transport.ice;

import java.util.Map;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;

/** Converts between our SDP-shaped candidates and ice4j's. */
final class Ice4jCandidates {
  private Ice4jCandidates() {}

  static IceCandidate fromLocal(LocalCandidate c) {
    TransportAddress address = c.getTransportAddress();
    TransportAddress base = c.getRelatedAddress();
    IceCandidateType type = type(c.getType());
    return new IceCandidate(
        c.getFoundation(),
        c.getParentComponent().getComponentID(),
        c.getTransport().toString(),
        c.getPriority(),
        address.getHostAddress(),
        address.getPort(),
        type,
        type == IceCandidateType.HOST || base == null
            ? null
            : new IceCandidate.RelatedAddress(base.getHostAddress(), base.getPort()),
        c.getTcpType() == null ? Map.of() : Map.of("tcptype", c.getTcpType().toString()));
  }

  /**
   * Only literal-address UDP candidates reach here; see {@link IceTransport#addRemoteCandidate}.
   */
  static RemoteCandidate toRemote(IceCandidate c, Component component) {
    return new RemoteCandidate(
        new TransportAddress(c.address(), c.port(), Transport.UDP),
        component,
        type(c.type()),
        c.foundation(),
        c.priority(),
        null);
  }

  private static IceCandidateType type(CandidateType type) {
    return switch (type) {
      case HOST_CANDIDATE, LOCAL_CANDIDATE -> IceCandidateType.HOST;
      case SERVER_REFLEXIVE_CANDIDATE, STUN_CANDIDATE -> IceCandidateType.SRFLX;
      case PEER_REFLEXIVE_CANDIDATE -> IceCandidateType.PRFLX;
      case RELAYED_CANDIDATE -> IceCandidateType.RELAY;
    };
  }

  private static CandidateType type(IceCandidateType type) {
    return switch (type) {
      case HOST -> CandidateType.HOST_CANDIDATE;
      case SRFLX -> CandidateType.SERVER_REFLEXIVE_CANDIDATE;
      case PRFLX -> CandidateType.PEER_REFLEXIVE_CANDIDATE;
      case RELAY -> CandidateType.RELAYED_CANDIDATE;
    };
  }
}
