package io.switchboard.server.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server as its own JVM ({@code io.switchboard.server.Main --config}), so a test can kill it
 * with SIGKILL ({@link #kill()}) exactly as {@code kill -9} would, and start it again on the
 * same data directory.
 */
final class ServerProcess implements AutoCloseable {
  /** Switchboard's start-up line, e.g. {@code switchboard ready http=/127.0.0.1:32895 sip_udp=43500 ...}. */
  private static final Pattern READY = Pattern.compile("switchboard ready http=\\S*:(\\d+) sip_udp=(\\d+)");

  private final Process process;
  private final Path log;
  private final int httpPort;
  private final int sipPort;

  private ServerProcess(Process process, Path log, int httpPort, int sipPort) {
    this.process = process;
    this.log = log;
    this.httpPort = httpPort;
    this.sipPort = sipPort;
  }

  /**
   * Writes the configuration: the HTTP and SIP ports left to the kernel (0), which the server
   * names in its ready line, and API key devkey/secret. (Ports probed free here and bound seconds
   * later by a starting JVM could be taken meanwhile on a busy machine.)
   */
  static Path config(Path dir, Path data) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("switchboard.yaml"), String.join("\n",
        "bind_addresses: [127.0.0.1]",
        "port: 0",
        "data_dir: " + data,
        "keys: {devkey: secret}",
        "sip: {port: 0}",
        "rtp: {port_range_start: 42000, port_range_end: 42998}",
        "rtc: {tcp_port: 0}",
        ""));
  }

  /** Starts the server and waits until its log says it is ready, and on which ports. */
  static ServerProcess start(Path config, Path log) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    long logged = Files.exists(log) ? Files.size(log) : 0; // a restart appends to an older log
    Process p = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            "io.switchboard.server.Main", "--config", config.toString())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      String output = Files.readString(log);
      Matcher ready = READY.matcher(output.substring((int) Math.min(logged, output.length())));
      if (ready.find()) {
        return new ServerProcess(p, log, Integer.parseInt(ready.group(1)), Integer.parseInt(ready.group(2)));
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("the server did not start; log:\n" + output);
      }
      p.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  /** The server's HTTP address (API and Twirp). */
  String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The SIP port (UDP and TCP) on 127.0.0.1. */
  int sipPort() {
    return sipPort;
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
