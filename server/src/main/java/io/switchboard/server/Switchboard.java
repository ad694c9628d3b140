package io.switchboard.server;

import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.server.agents.Agents;
import io.switchboard.server.agents.SipPhoneLines;
import io.switchboard.server.api.Recordings;
import io.switchboard.server.api.TwirpEndpoint;
import io.switchboard.server.api.Webhooks;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.dispatch.AgentDispatchService;
import io.switchboard.server.http.HttpReply;
import io.switchboard.server.http.HttpRoutes;
import io.switchboard.server.http.HttpServer;
import io.switchboard.server.metrics.MetricsEndpoint;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.sip.api.SipApiService;
import io.switchboard.sip.transfer.ParticipantTransfers;
import io.switchboard.sip.transfer.TransferApi;
import io.switchboard.sfu.api.RoomApiService;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.trunk.store.ConfigStore;
import io.switchboard.trunk.store.FileConfigStore;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole server in one process: builds every component from the config and wires them. */
public final class Switchboard implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Switchboard.class);

  private final SwitchboardConfig config;
  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService mediaClock =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("media-clock").factory());
  private final ExecutorService mediaWorkers =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("media-", 0).factory());
  private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean ready = new AtomicBoolean();
  private RoomManager rooms;
  private Webhooks webhooks;
  private Recordings recordings;
  private ConfigStore configStore;
  private Agents agents;
  private Telephony telephony;
  private HttpServer http;
  private io.switchboard.server.rtc.RtcEndpoint rtc;
  private InetSocketAddress httpAddress;

  public Switchboard(SwitchboardConfig config) {
    this.config = config;
  }

  public void start() throws Exception {
    var roomDefaults =
        new RoomOptions(
            config.room().emptyTimeoutDuration(),
            config.room().departureTimeoutDuration(),
            config.room().maxParticipants(),
            "");
    rooms =
        new RoomManager(clock, mediaClock, mediaWorkers, virtualThreads, roomDefaults, new SecureRandom());
    webhooks = Webhooks.start(config, rooms, clock, virtualThreads);
    rooms.start();

    TwirpRouter twirp = new TwirpRouter(new TokenVerifier(config.keys(), clock));
    configStore = new FileConfigStore(config.dataPath().resolve("config"), clock);
    new SipApiService(configStore).register(twirp);
    recordings = Recordings.start(config, rooms, configStore, webhooks, clock, virtualThreads, twirp);
    agents = Agents.start(config, rooms, clock, virtualThreads, new SecureRandom());
    new RoomApiService(rooms, config.room().enableRemoteUnmute(), recordings.roomConfigHooks(agents.roomConfigHooks()), mediaClock).register(twirp);
    new AgentDispatchService(agents.dispatcher(), rooms, clock).register(twirp);
    ServerMetrics metrics = ServerMetrics.start(rooms, agents.dispatcher(), () -> telephony.calls().active().size());
    telephony =
        new Telephony(
            config, configStore, rooms, agents.dispatcher(), agents.whileNoTrunks(), clock, mediaClock, virtualThreads);
    new SipApiService(configStore).registerCalls(twirp, telephony.outboundCalls());
    telephony.start();
    var transfers = new ParticipantTransfers(io.switchboard.sip.incall.SipParticipantCalls.of(
        java.util.List.of(telephony.calls(), telephony.outboundCalls().participants())));
    new TransferApi(transfers).register(twirp);
    agents.dispatcher().usePhoneLines(
        new SipPhoneLines(transfers, new io.switchboard.sip.api.Dialer(configStore, telephony.outboundCalls())));
    HttpRoutes routes =
        new HttpRoutes()
            .exact("/", x -> ready.get() ? HttpReply.text(200, "OK") : HttpReply.text(503, "starting"))
            .prefix(TwirpRouter.PREFIX, new TwirpEndpoint(twirp))
            .exact("/metrics", new MetricsEndpoint(metrics));
    rtc = io.switchboard.server.rtc.Rtc.endpoint(
        config, NetworkAddresses.advertised("", config.bindAddress()), config.sip().externalAddress(),
        rooms, recordings.roomConfigHooks(agents.roomConfigHooks()), clock, virtualThreads, mediaClock);
    rtc.register(routes);
    io.switchboard.server.agents.workers.AgentWorkers.register(routes, config, rooms, agents.dispatcher(), mediaClock, clock);
    http = new HttpServer(routes, virtualThreads);
    httpAddress = http.start(config.bindAddress(), config.port());
    ready.set(true);
    log.info(
        "switchboard ready http={} sip_udp={} sip_tcp={} advertised={}",
        httpAddress, telephony.udpPort(), telephony.tcpPort(), telephony.advertisedAddress());
  }

  public InetSocketAddress httpAddress() {
    return httpAddress;
  }

  public int sipPort() {
    return telephony.udpPort();
  }

  /** The SIP over TLS port; 0 when {@code sip.tls} is off. */
  public int sipTlsPort() {
    return telephony.tlsPort();
  }

  public RoomManager rooms() {
    return rooms;
  }

  /**
   * Loads the noise suppressor that serves {@code krisp_enabled} now rather than at the first such
   * call, and completes once it has warmed up (until then calls pass some frames uncleaned).
   */
  public java.util.concurrent.CompletionStage<Void> warmNoiseSuppression() {
    return telephony.warmNoiseSuppression();
  }

  /** The ICE-TCP port WebRTC clients are offered, if {@code rtc.tcp_port} is not -1. */
  public java.util.Optional<Integer> rtcTcpPort() {
    return rtc.tcpPort();
  }

  /** The one UDP port WebRTC clients use, if {@code rtc.udp_port} is set. */
  public java.util.Optional<Integer> rtcUdpPort() {
    return rtc.udpPort();
  }

  public Agents agents() {
    return agents;
  }

  public Recordings recordings() {
    return recordings;
  }

  /** What a user needs to know to connect, printed at startup. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Switchboard is running").append(config.development() ? " in development mode" : "").append('\n');
    sb.append("  HTTP, Twirp, signalling: http://").append(hostForUrl()).append(':').append(httpAddress.getPort()).append('\n');
    sb.append("  SIP (UDP and TCP):       ").append(telephony.advertisedAddress()).append(':').append(telephony.udpPort()).append('\n');
    sb.append("  RTP ports:               ").append(config.rtp().portRangeStart()).append('-').append(config.rtp().portRangeEnd()).append('\n');
    rtc.udpPort().ifPresent(p -> sb.append("  WebRTC UDP port:         ").append(p).append('\n'));
    rtc.tcpPort().ifPresent(p -> sb.append("  WebRTC ICE-TCP port:     ").append(p).append('\n'));
    sb.append(agents.describe("sip:anyone@" + telephony.advertisedAddress() + ':' + telephony.udpPort()));
    if (config.development()) {
      sb.append("  API key / secret:        devkey / secret\n");
    }
    sb.append("  data directory:          ").append(config.dataPath().toAbsolutePath().normalize()).append('\n');
    return sb.toString();
  }

  private String hostForUrl() {
    String host = config.bindAddress();
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  /**
   * Stops taking calls (OPTIONS and INVITE answer 503) and waits up to {@code timeout} for the
   * calls in progress to end. Returns how many were still up.
   */
  public int drain(java.time.Duration timeout) throws InterruptedException {
    if (telephony == null) {
      return 0;
    }
    telephony.drain();
    long deadline = System.nanoTime() + timeout.toNanos();
    int active = telephony.calls().active().size();
    if (active > 0) {
      log.info("draining: {} calls in progress, waiting up to {} for them to end", active, timeout);
    }
    while (active > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      active = telephony.calls().active().size();
    }
    return active;
  }

  @Override
  public void close() {
    ready.set(false);
    if (telephony != null) {
      telephony.close();
    }
    if (http != null) {
      http.close();
    }
    if (agents != null) {
      agents.close();
    }
    if (recordings != null) {
      recordings.close();
    }
    if (rooms != null) {
      rooms.close();
    }
    if (rtc != null) {
      rtc.close(); // after the rooms, whose peer connections use its port
    }
    if (webhooks != null) {
      webhooks.close();
    }
    if (configStore != null) {
      configStore.close();
    }
    mediaClock.shutdownNow();
    mediaWorkers.shutdownNow();
    virtualThreads.shutdown();
  }
}
