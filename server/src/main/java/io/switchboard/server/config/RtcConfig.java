package io.switchboard.server.config;

import java.util.List;
import java.util.Locale;

/**
 * WebRTC clients, as LiveKit's {@code rtc:} section: the ICE servers clients are told in their
 * JoinResponse, the address host candidates use, an address offered for 1:1 NAT, the UDP
 * ports ICE binds (0 and 0: the {@code rtp:} range phone legs use) and the ICE-TCP port.
 *
 * @param nodeIp host candidate address; "" is the server's media address
 * @param externalAddress offered as a server-reflexive candidate; "" is {@code sip.external_address}
 * @param tcpPort the ICE-TCP fallback port for clients whose network blocks UDP (LiveKit's 7881);
 *     0 picks a free one, -1 turns ICE-TCP off
 * @param udpPort one UDP port shared by every peer connection (LiveKit's {@code udp_port}), in place
 *     of a port per connection from the range; 0 picks a free one, -1 (the default) uses the range
 */
public record RtcConfig(
    List<IceServer> iceServers, String nodeIp, String externalAddress, Integer portRangeStart, Integer portRangeEnd,
    Integer tcpPort, Integer udpPort) {

  public static final RtcConfig DEFAULTS = new RtcConfig(null, null, null, null, null, null, null);
  public static final int DEFAULT_TCP_PORT = 7881;
  public static final int TCP_OFF = -1;
  public static final int UDP_RANGE = -1;

  /** One STUN or TURN server (RFC 7064, 7065 URIs); TURN needs a username and credential. */
  public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
      urls = urls == null ? List.of() : List.copyOf(urls);
      username = username == null ? "" : username;
      credential = credential == null ? "" : credential;
      if (urls.isEmpty()) {
        throw new IllegalArgumentException("an rtc.ice_servers entry needs at least one url");
      }
      for (String url : urls) {
        String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
        if (!List.of("stun", "stuns", "turn", "turns").contains(scheme)) {
          throw new IllegalArgumentException(
              "rtc.ice_servers url '" + url + "' must start with stun:, stuns:, turn: or turns:");
        }
        if (scheme.startsWith("turn") && (username.isEmpty() || credential.isEmpty())) {
          throw new IllegalArgumentException("rtc.ice_servers url '" + url + "' is TURN: set username and credential");
        }
      }
    }
  }

  public RtcConfig {
    iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    nodeIp = nodeIp == null ? "" : nodeIp.trim();
    externalAddress = externalAddress == null ? "" : externalAddress.trim();
    portRangeStart = portRangeStart == null ? 0 : portRangeStart;
    portRangeEnd = portRangeEnd == null ? 0 : portRangeEnd;
    boolean shared = portRangeStart == 0 && portRangeEnd == 0;
    if (!shared && (portRangeStart < 1024 || portRangeEnd > 65535 || portRangeEnd < portRangeStart)) {
      throw new IllegalArgumentException("rtc port range " + portRangeStart + "-" + portRangeEnd
          + " is invalid: use LOW-HIGH within 1024-65535, or 0 and 0 for the rtp range");
    }
    tcpPort = tcpPort == null ? DEFAULT_TCP_PORT : tcpPort;
    if (tcpPort < TCP_OFF || tcpPort > 65535) {
      throw new IllegalArgumentException("rtc.tcp_port " + tcpPort
          + " is invalid: use a port (1-65535), 0 for a free one, or -1 to turn ICE-TCP off");
    }
    udpPort = udpPort == null ? UDP_RANGE : udpPort;
    if (udpPort < UDP_RANGE || udpPort > 65535) {
      throw new IllegalArgumentException("rtc.udp_port " + udpPort
          + " is invalid: use a port (1-65535), 0 for a free one, or -1 for a port per connection from the range");
    }
  }

  /** Whether every peer connection shares one UDP port ({@code rtc.udp_port}). */
  public boolean sharesOneUdpPort() {
    return udpPort != UDP_RANGE;
  }

  /** The same config with {@code rtc.udp_port} set. */
  public RtcConfig withUdpPort(int port) {
    return new RtcConfig(iceServers, nodeIp, externalAddress, portRangeStart, portRangeEnd, tcpPort, port);
  }

  /** Whether clients are offered the ICE-TCP fallback. */
  public boolean offersTcp() {
    return tcpPort != TCP_OFF;
  }

  /** The same config with {@code rtc.tcp_port} set. */
  public RtcConfig withTcpPort(int port) {
    return new RtcConfig(iceServers, nodeIp, externalAddress, portRangeStart, portRangeEnd, port, udpPort);
  }

  /** Whether WebRTC shares the {@code rtp:} port range. */
  public boolean sharesRtpPorts() {
    return portRangeStart == 0 && portRangeEnd == 0;
  }
}
