package io.switchboard.sfu.transport.ice;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.ice4j.Transport;
import org.ice4j.TransportAddress;

/**
 * The ICE-TCP fallback (RFC 6544): one TCP port per address, shared by every transport, offered as
 * a passive TCP candidate beside the UDP ones (LiveKit's {@code rtc.tcp_port} 7881). Clients whose
 * network blocks UDP connect to it; the first RFC 4571 frame of each connection, a STUN check,
 * names the transport that takes the connection. Open one per process and close it at shutdown.
 */
public final class IceTcpPort implements AutoCloseable {
  /** How long a new connection has to send its first check (RFC 6544 leaves it to us). */
  static final Duration FIRST_CHECK_TIMEOUT = Duration.ofSeconds(10);
  /** Connections waiting for their first check at once; beyond that they are closed. */
  static final int MAX_PENDING = 256;

  private final PassiveTcpHarvester harvester;
  private final TcpCheckListener listener;
  private final List<InetSocketAddress> localAddresses;

  private IceTcpPort(
      PassiveTcpHarvester harvester, TcpCheckListener listener, List<InetSocketAddress> localAddresses) {
    this.harvester = harvester;
    this.listener = listener;
    this.localAddresses = localAddresses;
  }

  /**
   * Listens on {@code port} (0 picks a free one, the same on every address) on each address;
   * candidates on {@code natMappings}' local addresses are also offered at the advertised address.
   *
   * @param executor runs the accept loops and each new connection's wait for its first check
   *     (virtual threads suit it)
   * @throws IOException if the port cannot be bound, with what to do about it
   */
  public static IceTcpPort open(
      List<InetAddress> addresses, int port, List<NatMapping> natMappings, Executor executor)
      throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one address to listen for ICE-TCP on is needed");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("ICE-TCP port must be 0 to 65535, got " + port);
    }
    Ice4jBootstrap.ensureInitialized();
    List<ServerSocket> bound = new ArrayList<>();
    try {
      int chosen = port;
      for (InetAddress address : addresses) {
        ServerSocket server = new ServerSocket();
        bound.add(server);
        server.bind(new InetSocketAddress(address, chosen), 128);
        chosen = server.getLocalPort();
      }
      int listeningPort = chosen;
      List<InetSocketAddress> local =
          addresses.stream().map(a -> new InetSocketAddress(a, listeningPort)).toList();
      var harvester =
          new PassiveTcpHarvester(
              local.stream().map(a -> new TransportAddress(a.getAddress(), a.getPort(), Transport.TCP)).toList(),
              natMappings);
      var listener =
          new TcpCheckListener(bound, executor, harvester::acceptSession, FIRST_CHECK_TIMEOUT, MAX_PENDING);
      listener.start();
      return new IceTcpPort(harvester, listener, local);
    } catch (IOException | RuntimeException e) {
      for (ServerSocket s : bound) {
        s.close();
      }
      if (e instanceof BindException) {
        throw new IOException(
            "ICE-TCP port " + port + " is in use: choose another rtc.tcp_port, 0 for a free one,"
                + " or -1 to turn ICE-TCP off", e);
      }
      throw e;
    }
  }

  /** The addresses and port clients connect to. */
  public List<InetSocketAddress> localAddresses() {
    return localAddresses;
  }

  PassiveTcpHarvester harvester() {
    return harvester;
  }

  /** Stops accepting and frees the port; connections in use stay with their transports. */
  @Override
  public void close() {
    listener.close();
  }

  @Override
  public String toString() {
    return "IceTcpPort" + localAddresses;
  }
}
