package io.switchboard.sfu.transport.ice;

import java.net.InetAddress;

/**
 * A 1:1 NAT: host candidates bound on {@code local} are also advertised at {@code advertised} with
 * the same port, as server-reflexive candidates (LiveKit's {@code node_ip}, ice4j's static
 * mapping). Cloud VMs with an elastic IP need this.
 */
public record NatMapping(InetAddress local, InetAddress advertised) {
  public NatMapping {
    if (local == null || advertised == null) {
      throw new IllegalArgumentException("a NAT mapping needs a local and an advertised address");
    }
  }
}
