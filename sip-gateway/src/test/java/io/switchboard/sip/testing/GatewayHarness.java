package io.switchboard.sip.testing;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sip.SipServer;
import io.switchboard.sip.SipServerConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/** A {@link SipServer} on loopback with an ephemeral port, a scripted handler and hand-driven timers. */
public final class GatewayHarness implements AutoCloseable {
  public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  public final ManualScheduler scheduler = new ManualScheduler(clock);
  public final ScriptedHandler handler = new ScriptedHandler();
  public final RecordingMedia media = new RecordingMedia();
  public final SipServer server;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  public GatewayHarness(UnaryOperator<SipServerConfig> configure) throws IOException {
    SipServerConfig config = configure.apply(SipServerConfig.defaults("127.0.0.1", 0));
    server = new SipServer(config, handler, media, clock, scheduler, threads);
    server.start();
  }

  public GatewayHarness() throws IOException {
    this(UnaryOperator.identity());
  }

  public int port() {
    return server.udpPort();
  }

  @Override
  public void close() {
    server.stop();
    threads.close();
  }
}
