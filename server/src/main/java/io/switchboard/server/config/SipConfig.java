package io.switchboard.server.config;

/**
 * SIP signalling settings (UDP and TCP on one port). {@code externalAddress}: the public address
 * written into Contact and SDP when behind NAT (empty: the bind address, or this machine's first
 * IPv4 address when binding to a wildcard). {@code hideInboundPort}: INVITEs that match no trunk
 * or rule, and known scanners, are dropped silently instead of answered, so scanners learn
 * nothing. {@code tls}: SIP over TLS (off by default).
 */
public record SipConfig(Integer port, String externalAddress, Boolean hideInboundPort, SipTlsConfig tls) {

  public static final SipConfig DEFAULTS = new SipConfig(null, null, null, null);

  public SipConfig {
    port = port == null ? 5060 : port;
    externalAddress = externalAddress == null ? "" : externalAddress;
    hideInboundPort = hideInboundPort != null && hideInboundPort;
    tls = tls == null ? SipTlsConfig.DEFAULTS : tls;
  }

  public SipConfig(Integer port, String externalAddress, Boolean hideInboundPort) {
    this(port, externalAddress, hideInboundPort, null);
  }

  public SipConfig withPort(int newPort) {
    return new SipConfig(newPort, externalAddress, hideInboundPort, tls);
  }

  public SipConfig withTls(SipTlsConfig settings) {
    return new SipConfig(port, externalAddress, hideInboundPort, settings);
  }
}
