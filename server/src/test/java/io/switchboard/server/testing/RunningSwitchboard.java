package io.switchboard.server.testing;

import io.switchboard.server.Switchboard;
import io.switchboard.server.config.RtcConfig;
import io.switchboard.server.config.RtpConfig;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.config.SwitchboardConfig;
import io.switchboard.server.config.WebhookConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * @param hideInboundPort INVITEs matching no trunk or rule are dropped without an answer
   *     ({@code sip.hide_inbound_port})
   */
  public RunningSwitchboard(Path dataDir, boolean hideInboundPort) throws Exception {
    this(dataDir, c -> c.withSip(new SipConfig(0, null, hideInboundPort)));
  }

  /** The server with its webhooks POSTed to {@code webhookUrl}, signed with {@link #API_KEY}. */
  public static RunningSwitchboard withWebhook(Path dataDir, URI webhookUrl) throws Exception {
    return new RunningSwitchboard(
        dataDir, c -> c.withWebhook(new WebhookConfig(List.of(webhookUrl.toString()), API_KEY)));
  }

  /** @param customize changes the test configuration before the server starts */
  public RunningSwitchboard(Path dataDir, UnaryOperator<SwitchboardConfig> customize) throws Exception {
    SwitchboardConfig base =
        SwitchboardConfig.defaults()
            .withBindAddress("127.0.0.1")
            .withPort(0)
            .withDataDir(dataDir.toString())
            .withKeys(Map.of(API_KEY, API_SECRET))
            .withSip(new SipConfig(0, null, null))
            .withRtp(new RtpConfig(41000, 41998, null))
            .withRtc(RtcConfig.DEFAULTS.withTcpPort(0)); // tests run side by side: not 7881
    server = new Switchboard(customize.apply(base));
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

  /** The SIP over TLS port on 127.0.0.1 (0 unless the test enabled {@code sip.tls}). */
  public int sipTlsPort() {
    return server.sipTlsPort();
  }

  public Switchboard server() {
    return server;
  }

  @Override
  public void close() {
    server.close();
  }
}
