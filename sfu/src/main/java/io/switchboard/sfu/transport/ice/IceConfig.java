package io.switchboard.sfu.transport.ice;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How ICE transports gather and keep candidates.
 *
 * @param sockets where host candidates come from
 * @param natMappings extra server-reflexive candidates for 1:1 NAT (may be empty)
 * @param receiveBufferSize bytes per received datagram; larger datagrams are truncated
 * @param tcp the shared ICE-TCP port offered as a passive fallback candidate, if any
 */
public record IceConfig(
    IceSockets sockets, List<NatMapping> natMappings, int receiveBufferSize, Optional<IceTcpPort> tcp) {
  public static final int DEFAULT_RECEIVE_BUFFER = 1500;

  public IceConfig {
    if (sockets == null) {
      throw new IllegalArgumentException("ICE sockets must be configured");
    }
    natMappings = List.copyOf(natMappings);
    if (receiveBufferSize < 576) {
      throw new IllegalArgumentException(
          "receive buffer must hold at least 576 bytes, got " + receiveBufferSize);
    }
  }

  public IceConfig(IceSockets sockets) {
    this(sockets, List.of(), DEFAULT_RECEIVE_BUFFER, Optional.empty());
  }

  /** The same configuration with a 1:1 NAT mapping added. */
  public IceConfig withNatMapping(NatMapping mapping) {
    List<NatMapping> all = new ArrayList<>(natMappings);
    all.add(mapping);
    return new IceConfig(sockets, all, receiveBufferSize, tcp);
  }

  /** The same configuration offering {@code port} as the ICE-TCP fallback. */
  public IceConfig withTcp(IceTcpPort port) {
    return new IceConfig(sockets, natMappings, receiveBufferSize, Optional.of(port));
  }
}
