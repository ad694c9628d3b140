package io.switchboard.sip.transport;

import java.util.Objects;

/** Where a message came from: the packet's real source, not what its Via claims (RFC 3581). */
public record Peer(String address, int port, TransportProtocol transport) {
  public Peer {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(transport, "transport");
  }
}
