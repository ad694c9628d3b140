package io.switchboard.server.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server as its own JVM ({@code io.switchboard.server.Main --config}), so a test can kill it
 * with SIGKILL ({@link #kill()}) exactly as {@code kill -9} would, and start it again on the
 * same data directory.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Writes the configuration for loopback ports {@code http} and {@code sip}, with API key devkey/secret. */
  static Path config(Path dir, int http, int sip, Path data) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("switchboard.yaml"), String.join("\n",
        "bind_addresses: [127.0.0.1]",
        "port: " + http,
        "data_dir: " + data,
        "keys: {devkey: secret}",
        "sip: {port: " + sip + "}",
        "rtp: {port_range_start: 42000, port_range_end: 42998}",
        "rtc: {tcp_port: 0}",
        ""));
  }

  /** Starts the server and waits until it answers HTTP. */
  static ServerProcess start(Path config, int http, Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            "io.switchboard.server.Main", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    ServerProcess server = new ServerProcess(p, log);
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        var r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return server;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("the server did not start; log:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
  }

  /** SIGKILL: no shutdown hook, no finally block, no flush runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
