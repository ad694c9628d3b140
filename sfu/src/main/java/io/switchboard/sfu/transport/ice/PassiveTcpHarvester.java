package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidateExtendedType;
import org.ice4j.ice.CandidateTcpType;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.ServerReflexiveCandidate;
import org.ice4j.ice.TcpHostCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceTcpSocketWrapper;
import org.ice4j.socket.MergingDatagramSocket;
import org.ice4j.socket.MultiplexingSocket;
import org.ice4j.socket.StunDatagramPacketFilter;

/**
 * Passive TCP candidates (RFC 6544) on listening sockets shared by every agent: each agent gets a
 * candidate per listening address and registers its ufrag here, and {@link TcpCheckListener} hands
 * over each connection whose first check names that ufrag. TCP candidates get a lower priority
 * than UDP ones, as libwebrtc's do, so that a peer that can use UDP does.
 */
final class PassiveTcpHarvester implements CandidateHarvester {
  private final List<TransportAddress> localAddresses;
  private final List<NatMapping> natMappings;
  private final Map<String, WeakReference<Component>> byLocalUfrag = new HashMap<>();
  private final HarvestStatistics statistics = new HarvestStatistics();

  PassiveTcpHarvester(List<TransportAddress> localAddresses, List<NatMapping> natMappings) {
    this.localAddresses = List.copyOf(localAddresses);
    this.natMappings = List.copyOf(natMappings);
  }

  @Override
  public Collection<LocalCandidate> harvest(Component component) {
    Agent agent = component.getParentStream().getParentAgent();
    List<LocalCandidate> added = new ArrayList<>();
    for (TransportAddress address : localAddresses) {
      TcpHostCandidate host = new PassiveHost(address, component);
      if (component.addLocalCandidate(host)) {
        added.add(host);
        for (NatMapping m : natMappings) {
          if (m.local().equals(address.getAddress())) {
            var mapped = new PassiveMapped(
                new TransportAddress(m.advertised(), address.getPort(), Transport.TCP), host);
            if (component.addLocalCandidate(mapped)) {
              added.add(mapped);
            }
          }
        }
      }
    }
    synchronized (byLocalUfrag) {
      byLocalUfrag.values().removeIf(ref -> ref.get() == null);
      byLocalUfrag.put(agent.getLocalUfrag(), new WeakReference<>(component));
    }
    return added;
  }

  /** Gives a connection to the agent whose ufrag its first check names; throws if none has it. */
  void acceptSession(Socket socket, String ufrag, byte[] firstCheck) throws IOException {
    Component component;
    synchronized (byLocalUfrag) {
      WeakReference<Component> ref = byLocalUfrag.get(ufrag);
      component = ref == null ? null : ref.get();
    }
    if (component == null) {
      throw new IOException("no ICE agent with ufrag " + ufrag);
    }
    TcpHostCandidate host = hostFor(component, socket);
    MergingDatagramSocket componentSocket = component.getComponentSocket();
    if (host == null || componentSocket == null) {
      throw new IOException("agent " + ufrag + " has no passive TCP candidate on " + socket.getLocalSocketAddress());
    }
    MultiplexingSocket multiplexing = new MultiplexingSocket(socket);
    IceSocketWrapper stunOnly = new PushBackSocketWrapper(
        new IceTcpSocketWrapper(multiplexing.getSocket(new StunDatagramPacketFilter())),
        firstCheck,
        socket.getRemoteSocketAddress());
    component.getParentStream().getParentAgent().getStunStack().addSocket(stunOnly);
    host.addSocket(new IceTcpSocketWrapper(multiplexing));
    componentSocket.add(multiplexing); // payload joins the UDP sockets' in the transport's reader
  }

  private static TcpHostCandidate hostFor(Component component, Socket socket) {
    for (LocalCandidate c : component.getLocalCandidates()) {
      TransportAddress a = c.getTransportAddress();
      if (c instanceof TcpHostCandidate host
          && a.getPort() == socket.getLocalPort()
          && a.getAddress().equals(socket.getLocalAddress())) {
        return host;
      }
    }
    return null;
  }

  @Override
  public boolean isHostHarvester() {
    return true;
  }

  @Override
  public HarvestStatistics getHarvestStatistics() {
    return statistics;
  }

  /**
   * RFC 8445 §5.1.2.1 with RFC 6544 §4.2's local preference for passive candidates, and a type
   * preference below UDP's (libwebrtc: host UDP 126, host TCP 90).
   */
  static long priority(CandidateType type, int componentId) {
    int typePreference = switch (type) {
      case HOST_CANDIDATE, LOCAL_CANDIDATE -> 90;
      case PEER_REFLEXIVE_CANDIDATE -> 80;
      case SERVER_REFLEXIVE_CANDIDATE, STUN_CANDIDATE -> 70;
      case RELAYED_CANDIDATE -> 0;
    };
    int directionPreference = 4; // passive, for host and reflexive candidates
    int localPreference = (directionPreference << 13) + 8191;
    return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
  }

  private static final class PassiveHost extends TcpHostCandidate {
    PassiveHost(TransportAddress address, Component component) {
      super(address, component);
      setTcpType(CandidateTcpType.PASSIVE);
    }

    @Override
    public long computePriorityForType(CandidateType type) {
      return priority(type, getParentComponent().getComponentID());
    }
  }

  private static final class PassiveMapped extends ServerReflexiveCandidate {
    PassiveMapped(TransportAddress advertised, TcpHostCandidate base) {
      super(advertised, base, base.getStunServerAddress(), CandidateExtendedType.STATICALLY_MAPPED_CANDIDATE);
      setTcpType(CandidateTcpType.PASSIVE);
    }

    @Override
    public long computePriorityForType(CandidateType type) {
      return priority(type, getParentComponent().getComponentID());
    }
  }
}
