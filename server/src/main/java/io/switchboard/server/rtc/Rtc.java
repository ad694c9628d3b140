package io.switchboard.server.rtc;

import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sfu.signal.SignalServer;
import io.switchboard.sfu.signal.SignalSettings;
import io.switchboard.sfu.transport.WebRtcTransportConfig;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.webrtc.PeerConnectionFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Builds the WebRTC side from the config. Host candidates are bound on the address SIP media is
 * advertised on, within the RTP port range (TODO(issue 4): an {@code rtc:} config section with its
 * own UDP port, ICE-TCP and an external address).
 */
public final class Rtc {
  private Rtc() {}

  public static RtcEndpoint endpoint(
      SwitchboardConfig config, String advertisedAddress, RoomManager rooms, Clock clock, Executor virtualThreads)
      throws UnknownHostException {
    var sockets =
        new DedicatedSockets(
            List.of(InetAddress.getByName(advertisedAddress)),
            config.rtp().portRangeStart(),
            config.rtp().portRangeEnd());
    var pcs =
        new PeerConnectionFactory(
            WebRtcTransportConfig.defaults(new IceConfig(sockets)),
            DtlsCertificate.generate(clock, Duration.ofDays(30), new SecureRandom()),
            virtualThreads,
            clock);
    var signal =
        new SignalServer(
            rooms,
            new TokenVerifier(config.keys(), clock),
            pcs,
            OpusRuntime.load().codec(),
            SignalSettings.defaults(),
            virtualThreads,
            params -> RoomOptions.UNSET);
    return new RtcEndpoint(signal);
  }
}
