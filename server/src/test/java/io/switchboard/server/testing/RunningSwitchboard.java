package io.switchboard.server.testing;

import io.switchboard.server.Switchboard;
import io.switchboard.server.config.RtpConfig;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.config.SwitchboardConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The whole server in this JVM on loopback: ephemeral HTTP and SIP ports, RTP in a test range,
 * and the given data directory.
 */
public final class RunningSwitchboard implements AutoCloseable {
  public static final String API_KEY = "devkey";
  public static final String API_SECRET = "secret";

  private final Switchboard server;

  public RunningSwitchboard(Path dataDir) throws Exception {
    this(dataDir, UnaryOperator.identity());
  }

  /** @param tweak changes the loopback test configuration (development mode, agents, ...) */
  public RunningSwitchboard(Path dataDir, UnaryOperator<SwitchboardConfig> tweak) throws Exception {
    SwitchboardConfig config =
        SwitchboardConfig.defaults()
            .withBindAddress("127.0.0.1")
            .withPort(0)
            .withDataDir(dataDir.toString())
            .withKeys(Map.of(API_KEY, API_SECRET))
            .withSip(new SipConfig(0, null, null))
            .withRtp(new RtpConfig(41000, 41998, null));
    server = new Switchboard(tweak.apply(config));
    try {
      server.start();
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  /** Base URL as an SDK takes it, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return "http://127.0.0.1:" + server.httpAddress().getPort();
  }

  /** The SIP port (UDP and TCP) on 127.0.0.1. */
  public int sipPort() {
    return server.sipPort();
  }

  public Switchboard server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
