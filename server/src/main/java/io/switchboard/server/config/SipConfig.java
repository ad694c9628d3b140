package io.switchboard.server.config;

import java.util.List;

/**
 * SIP signalling settings. {@code externalAddress}: the public address written into Contact and
 * SDP when behind NAT (empty: the bind address). {@code hideInboundPort}: INVITEs that match no
 * trunk or rule are dropped silently instead of answered, so scanners learn nothing.
 */
public record SipConfig(
    Integer port,
    List<String> transports,
    String externalAddress,
    Boolean hideInboundPort,
    String userAgent) {

  public static final SipConfig DEFAULTS = new SipConfig(null, null, null, null, null);

  public SipConfig {
    port = port == null ? 5060 : port;
    transports = transports == null || transports.isEmpty() ? List.of("udp", "tcp") : List.copyOf(transports);
    for (String t : transports) {
      if (!t.equals("udp") && !t.equals("tcp")) {
        throw new IllegalArgumentException("sip.transports: unsupported transport '" + t + "' (use udp, tcp)");
      }
    }
    externalAddress = externalAddress == null ? "" : externalAddress;
    hideInboundPort = hideInboundPort != null && hideInboundPort;
    userAgent = userAgent == null || userAgent.isBlank() ? "Switchboard" : userAgent;
  }

  public SipConfig withPort(int newPort) {
    return new SipConfig(newPort, transports, externalAddress, hideInboundPort, userAgent);
  }
}
