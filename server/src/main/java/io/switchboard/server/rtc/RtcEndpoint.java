package io.switchboard.server.rtc;

import io.switchboard.server.http.HttpExchange;
import io.switchboard.server.http.HttpReply;
import io.switchboard.server.http.HttpRoutes;
import io.switchboard.server.http.WebSocketHandler;
import io.switchboard.server.http.WebSocketListener;
import io.switchboard.server.http.WebSocketPeer;
import io.switchboard.sfu.signal.Admission;
import io.switchboard.sfu.signal.SignalServer;
import io.switchboard.sfu.signal.SignalSession;
import io.switchboard.sfu.signal.SignalSink;
import io.switchboard.sfu.transport.ice.IceTcpPort;
import io.switchboard.sfu.transport.ice.SharedUdpPort;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import livekit.LivekitRtc.SignalResponse;

/**
 * LiveKit's client endpoints over HTTP: the {@code /rtc} WebSocket (dual peer connection),
 * {@code /rtc/validate}, and 404 on {@code /rtc/v1} and {@code /rtc/v1/validate} so that current
 * clients fall back from single-connection mode to {@code /rtc}. Owns the ports shared by every
 * peer connection (ICE-TCP, the single UDP port), which outlive them.
 */
public final class RtcEndpoint implements AutoCloseable {
  private final SignalServer signal;
  private final Optional<IceTcpPort> tcp;
  private final Optional<SharedUdpPort> udp;

  public RtcEndpoint(SignalServer signal, Optional<IceTcpPort> tcp, Optional<SharedUdpPort> udp) {
    this.signal = signal;
    this.tcp = tcp;
    this.udp = udp;
  }

  /** The UDP port every peer connection shares, if {@code rtc.udp_port} is set. */
  public Optional<Integer> udpPort() {
    return udp.map(u -> u.localAddresses().getFirst().getPort());
  }

  /** The ICE-TCP port clients are offered, if on. */
  public Optional<Integer> tcpPort() {
    return tcp.map(t -> t.localAddresses().getFirst().getPort());
  }

  @Override
  public void close() {
    tcp.ifPresent(IceTcpPort::close);
    udp.ifPresent(SharedUdpPort::close);
  }

  public HttpRoutes register(HttpRoutes routes) {
    HttpReply v1 = HttpReply.text(404, "single peer connection mode (/rtc/v1) is not supported: use /rtc");
    return routes
        .webSocket("/rtc", this::upgrade)
        .exact("/rtc/validate", this::validate)
        .exact("/rtc/v1", x -> v1)
        .exact("/rtc/v1/validate", x -> v1);
  }

  private HttpReply validate(HttpExchange x) {
    HttpReply reply =
        switch (signal.admit(query(x.query()), x.header("authorization"))) {
          case Admission.Admitted a -> HttpReply.text(200, "success");
          case Admission.Refused r -> HttpReply.text(r.status(), r.message());
        };
    return new HttpReply(reply.status(), reply.contentType(), reply.body(), Map.of("Access-Control-Allow-Origin", "*"));
  }

  private WebSocketHandler.Upgrade upgrade(HttpExchange x) {
    return switch (signal.admit(query(x.query()), x.header("authorization"))) {
      case Admission.Refused r -> new WebSocketHandler.Refuse(HttpReply.text(r.status(), r.message()));
      case Admission.Admitted a -> new WebSocketHandler.Accept(peer -> listen(signal.open(a.params(), sink(peer))));
    };
  }

  private static SignalSink sink(WebSocketPeer peer) {
    return new SignalSink() {
      @Override
      public void send(SignalResponse response) {
        peer.sendBinary(response.toByteArray());
      }

      @Override
      public void close() {
        peer.close(1000, "");
      }
    };
  }

  private static WebSocketListener listen(SignalSession session) {
    return new WebSocketListener() {
      @Override
      public void onBinary(byte[] message) {
        session.onMessage(message);
      }

      @Override
      public void onClosed() {
        session.onClosed();
      }
    };
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(
          URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return out;
  }
}
