package io.switchboard.server.config;

/**
 * SIP signalling settings (UDP and TCP on one port). {@code externalAddress}: the public address
 * written into Contact and SDP when behind NAT (empty: the bind address, or this machine's first
 * IPv4 address when binding to a wildcard). {@code hideInboundPort}: INVITEs that match no trunk
 * or rule, and known scanners, are dropped silently instead of answered, so scanners learn
 * nothing.
 */
public record SipConfig(Integer port, String externalAddress, Boolean hideInboundPort) {

  public static final SipConfig DEFAULTS = new SipConfig(null, null, null);

  public SipConfig {
    port = port == null ? 5060 : port;
    externalAddress = externalAddress == null ? "" : externalAddress;
    hideInboundPort = hideInboundPort != null && hideInboundPort;
  }

  public SipConfig withPort(int newPort) {
    return new SipConfig(newPort, externalAddress, hideInboundPort);
  }
}
