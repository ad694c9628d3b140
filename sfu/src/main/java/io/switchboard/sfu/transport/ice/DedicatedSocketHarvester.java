package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ice4j.Transport;
import org.ice4j.ice.Component;
import org.ice4j.ice.ComponentSocket;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.AbstractCandidateHarvester;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * Host candidates on sockets bound for one agent, on exactly the configured addresses. ice4j's own
 * host harvester skips loopback and scans every interface; this one binds what it is told, loopback
 * included (the java-stack recipe), registers each socket with the agent's STUN stack and merges it
 * into the component socket that the transport reads payload from.
 */
final class DedicatedSocketHarvester extends AbstractCandidateHarvester {
  private final DedicatedSockets config;
  private final List<String> failures = new ArrayList<>();

  DedicatedSocketHarvester(DedicatedSockets config) {
    this.config = config;
  }

  @Override
  public boolean isHostHarvester() {
    return true;
  }

  @Override
  public Collection<LocalCandidate> harvest(Component component) {
    List<LocalCandidate> harvested = new ArrayList<>();
    for (InetAddress address : config.addresses()) {
      MultiplexingDatagramSocket socket;
      try {
        socket = bind(address);
      } catch (IOException e) {
        failures.add(address.getHostAddress() + ": " + e.getMessage());
        continue;
      }
      IceSocketWrapper wrapper = new IceUdpSocketWrapper(socket);
      HostCandidate candidate = new HostCandidate(wrapper, component, Transport.UDP);
      if (!component.addLocalCandidate(candidate)) {
        socket.close();
        continue;
      }
      candidate.getStunStack().addSocket(candidate.getStunSocket(null));
      ComponentSocket merged = component.getComponentSocket();
      if (merged != null) {
        merged.add(socket);
      }
      harvested.add(candidate);
    }
    return harvested;
  }

  /** Why addresses could not be bound, for the error when none could. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  private MultiplexingDatagramSocket bind(InetAddress address) throws IOException {
    if (config.minPort() == 0) {
      return new MultiplexingDatagramSocket(0, address);
    }
    int span = config.maxPort() - config.minPort() + 1;
    int start = ThreadLocalRandom.current().nextInt(span); // spreads concurrent transports
    for (int i = 0; i < span; i++) {
      int port = config.minPort() + (start + i) % span;
      try {
        return new MultiplexingDatagramSocket(port, address);
      } catch (SocketException busy) {
        // try the next port
      }
    }
    throw new IOException("no free port in " + config.minPort() + "-" + config.maxPort());
  }
}
