package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.NominationStrategy;
import org.ice4j.ice.harvest.StaticMappingCandidateHarvester;

/**
 * Builds the ice4j Agent of one transport: one stream, one component, our harvesters only (UDP host
 * candidates, the ICE-TCP port when configured, NAT mappings).
 */
final class Ice4jAgents {
  static final String STREAM = "media";

  private Ice4jAgents() {}

  /**
   * Creates the agent and gathers its candidates.
   *
   * @throws IOException if no host candidate could be bound; the agent is freed then
   */
  static Agent create(IceConfig config, IceRole role) throws IOException {
    Ice4jBootstrap.ensureInitialized();
    Agent agent = new Agent();
    try {
      agent.setControlling(role == IceRole.CONTROLLING);
      agent.setPerformConsentFreshness(true); // RFC 7675
      agent.setNominationStrategy(NominationStrategy.NOMINATE_FIRST_VALID);
      agent.setUseDynamicPorts(false); // only our harvesters, never ice4j's interface scan
      DedicatedSocketHarvester dedicated = null;
      switch (config.sockets()) {
        case DedicatedSockets d ->
            agent.addCandidateHarvester(dedicated = new DedicatedSocketHarvester(d));
        case SharedUdpPort shared -> shared.harvesters().forEach(agent::addCandidateHarvester);
      }
      // Registers this agent's ufrag with the shared listener, which routes connections by it.
      config.tcp().ifPresent(tcp -> agent.addCandidateHarvester(tcp.harvester()));
      for (NatMapping m : config.natMappings()) {
        agent.addCandidateHarvester(
            new StaticMappingCandidateHarvester(
                new TransportAddress(m.advertised(), 9, Transport.UDP),
                new TransportAddress(m.local(), 9, Transport.UDP)));
      }
      IceMediaStream stream = agent.createMediaStream(STREAM);
      // Dedicated sockets and ICE-TCP connections are read through the component socket, which
      // admits only addresses that passed a check; a shared UDP port pushes payload to the
      // component's buffer callback instead (both at once with a shared port and ICE-TCP).
      Component component =
          agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, readsComponentSocket(config));
      if (component.getLocalCandidateCount() == 0) {
        throw new IOException(
            "no host candidate could be bound on "
                + config.sockets()
                + (dedicated == null ? "" : ": " + dedicated.failures()));
      }
      return agent;
    } catch (IOException | RuntimeException e) {
      agent.free();
      throw e;
    }
  }

  /** Whether payload arrives through the component socket (else only through the push API). */
  static boolean readsComponentSocket(IceConfig config) {
    return config.sockets() instanceof DedicatedSockets || config.tcp().isPresent();
  }
}
