package io.switchboard.server;

import io.switchboard.agent.audio.SuppressorFilters;
import io.switchboard.agent.audio.rnnoise.RnnoiseSuppressor;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.jitter.JitterBufferConfig;
import io.switchboard.media.net.RtpLegConfig;
import io.switchboard.media.net.RtpPortAllocator;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sip.SipServer;
import io.switchboard.sip.SipServerConfig;
import io.switchboard.sip.auth.DigestSettings;
import io.switchboard.sip.concurrent.ExecutorScheduler;
import io.switchboard.sip.inbound.InboundSettings;
import io.switchboard.sip.outbound.OutboundCallService;
import io.switchboard.sip.pin.PinPolicy;
import io.switchboard.sip.pin.ToneCues;
import io.switchboard.sip.room.CallRegistry;
import io.switchboard.sip.room.LobbyRuntime;
import io.switchboard.sip.room.NoiseSuppression;
import io.switchboard.sip.room.RoomAgents;
import io.switchboard.sip.room.RoomCallHandler;
import io.switchboard.sip.room.RtpMediaSessions;
import io.switchboard.sip.transport.SipStackConfig;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.store.ConfigStore;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/** The phone side: the SIP server, RTP legs and the glue that puts calls into rooms. */
final class Telephony implements AutoCloseable {
  private final SipServer sip;
  private final CallRegistry calls = new CallRegistry();
  private final OutboundCallService outboundCalls;
  private final String advertisedAddress;
  private final java.util.concurrent.ExecutorService noiseWorkers;
  private final SuppressorFilters noiseFilters;

  Telephony(
      SwitchboardConfig config,
      ConfigStore store,
      RoomManager rooms,
      RoomAgents agents,
      Optional<DispatchRule> whileNoTrunks,
      Clock clock,
      ScheduledExecutorService scheduler,
      ExecutorService virtualThreads)
      throws IOException {
    var sipConfig = config.sip();
    advertisedAddress = NetworkAddresses.advertised(sipConfig.externalAddress(), config.bindAddress());
    var ports =
        new RtpPortAllocator(
            config.rtp().portRangeStart(), config.rtp().portRangeEnd(), Duration.ofSeconds(30), clock, new SecureRandom());
    var defaults = RtpLegConfig.defaults(InetAddress.getByName(config.bindAddress()));
    var legConfig =
        new RtpLegConfig(
            defaults.localAddress(),
            0,
            JitterBufferConfig.defaults(8000),
            defaults.learningPackets(),
            defaults.learnFromAnyAddress(),
            defaults.learningWindow(),
            defaults.initialMediaTimeout(),
            config.rtp().mediaTimeout(),
            defaults.rtcpInterval(),
            "switchboard@" + advertisedAddress);
    var opus = OpusRuntime.load().codec(); // SIP legs negotiate Opus when the far end offers it
    var media = new RtpMediaSessions(ports, legConfig, virtualThreads, clock, advertisedAddress, calls, opus);
    // krisp_enabled: RNNoise cleans the phone's audio as it enters the room (loaded on first use)
    noiseWorkers = NoiseWorkers.start();
    noiseFilters =
        new SuppressorFilters("RNNoise", RnnoiseSuppressor::load, NoiseWorkers::warmUp, NoiseWorkers.WARM_UP_FRAMES);
    var noise = new NoiseSuppression(noiseFilters, noiseWorkers);
    var lobby = new LobbyRuntime(PinPolicy.defaults(), new ToneCues(), clock, scheduler, virtualThreads);
    var handler =
        new RoomCallHandler(
            store, rooms, calls, new SecureRandom(), sipConfig.hideInboundPort(), lobby, agents, whileNoTrunks,
            noise);
    // Defaults are taken from a loopback config: the stack refuses a wildcard bind without an
    // external address, which we always set here.
    var base = SipStackConfig.defaults("127.0.0.1", sipConfig.port());
    var stack =
        new SipStackConfig(
            config.bindAddress(), sipConfig.port(), advertisedAddress, base.serverName(), base.maxMessageSize(),
            base.readTimeout(), base.maxServerTransactions(), base.threadPoolSize(),
            base.maxInviteTransactionLifetime(), base.maxNonInviteTransactionLifetime(), base.udpBufferSize(),
            base.maxConnections());
    var inbound = InboundSettings.defaults();
    var server =
        new SipServerConfig(
            stack,
            new InboundSettings(
                inbound.sessionTimers(), sipConfig.codecPolicy(), inbound.maxRingingTimeout(), sipConfig.hideInboundPort()),
            DigestSettings.withRandomSecret(),
            SipTls.listening(sipConfig.tls(), config.development(), advertisedAddress, clock).orElse(null));
    sip = new SipServer(server, handler, media, clock, new ExecutorScheduler(scheduler), virtualThreads);
    outboundCalls =
        new OutboundCallService(
            sip.outbound(), rooms, ports, legConfig, virtualThreads, clock, advertisedAddress,
            new ExecutorScheduler(scheduler), new SecureRandom(), opus, sipConfig.codecPolicy(),
            noise);
  }

  void start() throws IOException {
    sip.start();
  }

  int udpPort() {
    return sip.udpPort();
  }

  int tcpPort() {
    return sip.tcpPort();
  }

  /** The SIP over TLS port; 0 when {@code sip.tls} is off. */
  int tlsPort() {
    return sip.tlsPort();
  }

  String advertisedAddress() {
    return advertisedAddress;
  }

  /** Places outbound calls into rooms (CreateSIPParticipant). */
  OutboundCallService outboundCalls() {
    return outboundCalls;
  }

  CallRegistry calls() {
    return calls;
  }

  /** Loads RNNoise for krisp_enabled calls now; completes once the JIT has had its warm-up. */
  java.util.concurrent.CompletionStage<Void> warmNoiseSuppression() {
    return noiseFilters.warm();
  }

  /** OPTIONS answer 503 from now on; calls in progress continue. */
  void drain() {
    sip.drain();
  }

  @Override
  public void close() {
    sip.stop();
    noiseWorkers.shutdownNow();
  }
}
