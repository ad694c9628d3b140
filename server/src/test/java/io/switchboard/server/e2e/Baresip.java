package io.switchboard.server.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SIP phone for end-to-end tests: Debian's baresip, headless. It plays a WAV file as its
 * microphone and, through the sndfile module, records what it hears to {@code dump-*-dec.wav}.
 */
final class Baresip implements AutoCloseable {
  private final Path dir;
  private final Path log;
  private Process process;

  static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/baresip"));
  }

  /**
   * @param sipPort a free port for baresip's own SIP listener (it also takes the next one for TLS)
   */
  Baresip(Path dir, String user, int sipPort, Path microphoneWav) throws IOException {
    this.dir = Files.createDirectories(dir);
    this.log = dir.resolve("baresip.log");
    Files.writeString(
        dir.resolve("config"),
        String.join(
            "\n",
            "poll_method epoll",
            "sip_listen 127.0.0.1:" + sipPort,
            "net_interface 127.0.0.1",
            "audio_source aufile," + microphoneWav.toAbsolutePath(),
            "audio_alert aufile," + microphoneWav.toAbsolutePath(),
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aufile.so",
            "module sndfile.so",
            "snd_path " + dir.toAbsolutePath(),
            "module_app account.so",
            "module_app menu.so",
            ""));
    Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1>;regint=0\n");
  }

  /** Dials {@code uri} and hangs up (quits) after {@code duration}. */
  void dial(String uri, Duration duration) throws IOException {
    process =
        new ProcessBuilder(
                "baresip", "-f", dir.toString(), "-t", Long.toString(duration.toSeconds()), "-e", "/dial " + uri)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
  }

  /** Waits for baresip to quit by itself. */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The recording of everything this phone heard. */
  Path heard() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> dec = files.filter(p -> p.getFileName().toString().endsWith("-dec.wav")).toList();
      if (dec.size() != 1) {
        throw new IOException("expected one recording in " + dir + ", found " + dec + "; log:\n" + log());
      }
      return dec.getFirst();
    }
  }

  String log() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "(no log)";
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
