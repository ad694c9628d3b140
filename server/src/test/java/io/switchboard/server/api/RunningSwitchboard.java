package io.switchboard.server.api;

import io.switchboard.server.Switchboard;
import io.switchboard.server.config.SwitchboardConfig;
import java.nio.file.Path;
import java.util.Map;

/** The whole server in this JVM on loopback, an ephemeral HTTP port, and the given data directory. */
final class RunningSwitchboard implements AutoCloseable {
  static final String API_KEY = "devkey";
  static final String API_SECRET = "secret";

  private final Switchboard server;

  RunningSwitchboard(Path dataDir) throws Exception {
    SwitchboardConfig config =
        SwitchboardConfig.defaults()
            .withBindAddress("127.0.0.1")
            .withPort(0)
            .withDataDir(dataDir.toString())
            .withKeys(Map.of(API_KEY, API_SECRET));
    server = new Switchboard(config);
    try {
      server.start();
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  /** Base URL as an SDK takes it, e.g. {@code http://127.0.0.1:40123}. */
  String url() {
    return "http://127.0.0.1:" + server.httpAddress().getPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
