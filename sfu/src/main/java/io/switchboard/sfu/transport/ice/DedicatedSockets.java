package io.switchboard.sfu.transport.ice;

import java.net.InetAddress;
import java.util.List;

/**
 * Each transport binds one UDP socket per address, on the first free port in {@code [minPort,
 * maxPort]} or an ephemeral port when both are 0. Such a transport can send the first connectivity
 * check, so two of them can connect to each other (needed when we are controlling towards a peer
 * that is not a browser, and in tests on loopback).
 */
public record DedicatedSockets(List<InetAddress> addresses, int minPort, int maxPort)
    implements IceSockets {
  public DedicatedSockets {
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException(
          "at least one address to bind host candidates on is needed");
    }
    boolean ephemeral = minPort == 0 && maxPort == 0;
    if (!ephemeral && (minPort < 1 || maxPort > 65535 || minPort > maxPort)) {
      throw new IllegalArgumentException(
          "port range must be 0-0 (ephemeral) or within 1-65535, got " + minPort + "-" + maxPort);
    }
  }

  /** Ephemeral ports on the given addresses. */
  public static DedicatedSockets ephemeral(InetAddress... addresses) {
    return new DedicatedSockets(List.of(addresses), 0, 0);
  }
}
