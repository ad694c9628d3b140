package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;

/**
 * The ICE-TCP fallback (RFC 6544): one TCP port per address, shared by every transport, offered as
 * a passive TCP candidate beside the UDP ones (LiveKit's {@code rtc.tcp_port} 7881). Clients whose
 * network blocks UDP connect to it; ice4j reads the first RFC 4571 frame of each connection, a
 * STUN check, and hands the connection to the transport whose username fragment it names. Open
 * one per process and close it at shutdown.
 */
public final class IceTcpPort implements AutoCloseable {
  private final PassiveTcpHarvester harvester;
  private final List<InetSocketAddress> localAddresses;

  private IceTcpPort(PassiveTcpHarvester harvester, List<InetSocketAddress> localAddresses) {
    this.harvester = harvester;
    this.localAddresses = localAddresses;
  }

  /**
   * Listens on {@code port} (0 picks a free one) on each address; host candidates bound on {@code
   * natMappings}' local addresses are also offered at their advertised address.
   *
   * @throws IOException if the port cannot be bound, with what to do about it
   */
  public static IceTcpPort open(List<InetAddress> addresses, int port, List<NatMapping> natMappings)
      throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one address to listen for ICE-TCP on is needed");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("ICE-TCP port must be 0 to 65535, got " + port);
    }
    Ice4jBootstrap.ensureInitialized();
    // ice4j advertises the port it was given, so a free one is chosen here rather than by bind.
    int chosen = port == 0 ? freePort(addresses.getFirst()) : port;
    List<TransportAddress> listen =
        addresses.stream().map(a -> new TransportAddress(a, chosen, Transport.TCP)).toList();
    PassiveTcpHarvester harvester;
    try {
      harvester = new PassiveTcpHarvester(listen, natMappings);
    } catch (BindException e) {
      throw new IOException(
          "ICE-TCP port " + chosen + " is in use: choose another rtc.tcp_port, 0 for a free one,"
              + " or -1 to turn ICE-TCP off", e);
    }
    return new IceTcpPort(
        harvester, addresses.stream().map(a -> new InetSocketAddress(a, chosen)).toList());
  }

  private static int freePort(InetAddress address) throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, address)) {
      return probe.getLocalPort();
    }
  }

  /** The addresses and port clients connect to. */
  public List<InetSocketAddress> localAddresses() {
    return localAddresses;
  }

  PassiveTcpHarvester harvester() {
    return harvester;
  }

  /** Stops accepting; ice4j's accept thread lets go of the port within its 3 s select timeout. */
  @Override
  public void close() {
    harvester.close();
  }

  @Override
  public String toString() {
    return "IceTcpPort" + localAddresses;
  }
}
