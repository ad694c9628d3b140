package io.switchboard.server.rtc;

import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.signal.SignalServer;
import io.switchboard.sfu.signal.SignalSettings;
import io.switchboard.sfu.transport.WebRtcTransportConfig;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.transport.ice.IceSockets;
import io.switchboard.sfu.transport.ice.IceTcpPort;
import io.switchboard.sfu.transport.ice.SharedUdpPort;
import io.switchboard.sfu.transport.ice.NatMapping;
import io.switchboard.sfu.webrtc.PeerConnectionFactory;
import java.net.InetAddress;
import java.io.IOException;
import java.util.Optional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the WebRTC side from the config. Host candidates are bound on {@code rtc.node_ip} (else
 * the local media address), on one shared port ({@code rtc.udp_port}) or a port per connection
 * within {@code rtc}'s port range (else the RTP one); with an external
 * address ({@code rtc.external_address}, else {@code sip.external_address}; 1:1 NAT) that is
 * offered too, as a server-reflexive candidate, and so is the ICE-TCP port ({@code rtc.tcp_port},
 * passive, on the same address) unless turned off. Clients are told {@code rtc.ice_servers}.
 */
public final class Rtc {
  private Rtc() {}

  public static RtcEndpoint endpoint(
      SwitchboardConfig config,
      String localAddress,
      String externalAddress,
      RoomManager rooms,
      RoomConfigHooks roomConfigHooks,
      Clock clock,
      Executor virtualThreads,
      ScheduledExecutorService scheduler)
      throws IOException {
    var rtc = config.rtc();
    if (!rtc.nodeIp().isEmpty()) {
      localAddress = rtc.nodeIp();
    }
    if (!rtc.externalAddress().isEmpty()) {
      externalAddress = rtc.externalAddress();
    }
    InetAddress local = InetAddress.getByName(localAddress);
    Optional<SharedUdpPort> udp = rtc.sharesOneUdpPort()
        ? Optional.of(SharedUdpPort.open(List.of(local), rtc.udpPort()))
        : Optional.empty();
    IceSockets sockets = udp.isPresent() ? udp.get()
        : rtc.sharesRtpPorts()
            ? new DedicatedSockets(List.of(local), config.rtp().portRangeStart(), config.rtp().portRangeEnd())
            : new DedicatedSockets(List.of(local), rtc.portRangeStart(), rtc.portRangeEnd());
    IceConfig ice = new IceConfig(sockets);
    if (!externalAddress.isBlank() && !externalAddress.equals(localAddress)) {
      ice = ice.withNatMapping(new NatMapping(local, InetAddress.getByName(externalAddress)));
    }
    Optional<IceTcpPort> tcp;
    try {
      tcp = rtc.offersTcp()
          ? Optional.of(IceTcpPort.open(List.of(local), rtc.tcpPort(), ice.natMappings(), virtualThreads))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      udp.ifPresent(SharedUdpPort::close);
      throw e;
    }
    if (tcp.isPresent()) {
      ice = ice.withTcp(tcp.get());
    }
    var pcs =
        new PeerConnectionFactory(
            WebRtcTransportConfig.defaults(ice),
            DtlsCertificate.generate(clock, Duration.ofDays(30), new SecureRandom()),
            virtualThreads,
            clock,
            scheduler);
    var signal =
        new SignalServer(
            rooms,
            new TokenVerifier(config.keys(), clock),
            pcs,
            OpusRuntime.load().codec(),
            SignalSettings.defaults().withIceServers(rtc.iceServers().stream()
                .map(i -> new io.switchboard.sfu.signal.IceServer(i.urls(), i.username(), i.credential())).toList()),
            virtualThreads,
            roomConfigHooks,
            config.keys());
    signal.checkConsentEvery5s(scheduler);
    return new RtcEndpoint(signal, tcp, udp);
  }
}
