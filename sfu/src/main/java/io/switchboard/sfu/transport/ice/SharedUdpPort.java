package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;

/**
 * One UDP port per address shared by every transport (LiveKit's {@code udp_port}, JVB's port
 * 10000): ice4j reads it on one thread and routes each datagram by the ICE username of the first
 * check from its source. A transport on a shared port cannot send the first check, since it has no
 * socket for a peer until that peer's check arrives; browsers always send checks, so this is the
 * mode for serving them. Open one per process and close it at shutdown.
 */
public final class SharedUdpPort implements IceSockets, AutoCloseable {
  private final List<SinglePortUdpHarvester> harvesters;

  private SharedUdpPort(List<SinglePortUdpHarvester> harvesters) {
    this.harvesters = harvesters;
  }

  /**
   * Binds {@code port} (0 for an ephemeral one, chosen separately per address) on each address.
   *
   * @throws IOException if an address cannot be bound; nothing stays bound then
   */
  public static SharedUdpPort open(List<InetAddress> addresses, int port) throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException(
          "at least one address to bind the shared port on is needed");
    }
    Ice4jBootstrap.ensureInitialized();
    List<SinglePortUdpHarvester> bound = new ArrayList<>();
    try {
      for (InetAddress address : addresses) {
        bound.add(new SinglePortUdpHarvester(new TransportAddress(address, port, Transport.UDP)));
      }
    } catch (IOException e) {
      bound.forEach(SinglePortUdpHarvester::close);
      throw new IOException("cannot bind shared UDP port " + port + ": " + e.getMessage(), e);
    }
    return new SharedUdpPort(List.copyOf(bound));
  }

  /** The bound addresses and ports. */
  public List<InetSocketAddress> localAddresses() {
    return harvesters.stream()
        .map(
            h ->
                new InetSocketAddress(
                    h.getLocalAddress().getAddress(), h.getLocalAddress().getPort()))
        .toList();
  }

  List<SinglePortUdpHarvester> harvesters() {
    return harvesters;
  }

  @Override
  public void close() {
    harvesters.forEach(SinglePortUdpHarvester::close);
  }

  @Override
  public String toString() {
    return "SharedUdpPort" + localAddresses();
  }
}
