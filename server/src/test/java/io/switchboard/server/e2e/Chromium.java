package io.switchboard.server.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, opening one page. Its fake capture device plays a WAV file as the
 * microphone and every permission prompt is granted, so a page can publish audio unattended.
 */
final class Chromium implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/chromium");
  /**
   * WebRTC as behind a firewall that blocks UDP (the enterprise policy WebRtcIPHandling): no UDP
   * candidates at all, so only TCP, or TURN over TCP, can connect.
   */
  static final String UDP_BLOCKED = "--webrtc-ip-handling-policy=disable_non_proxied_udp";
  private final Path log;
  private final Process process;

  static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  Chromium(Path dir, Path microphoneWav, URI page) throws IOException {
    this(dir, microphoneWav, page, List.of());
  }

  /** @param flags more command-line switches, such as {@link #UDP_BLOCKED} */
  Chromium(Path dir, Path microphoneWav, URI page, List<String> flags) throws IOException {
    Files.createDirectories(dir);
    log = dir.resolve("chromium.log");
    List<String> command = new ArrayList<>(
        List.of(
            BINARY.toString(),
            "--headless=new",
            "--no-sandbox", // tests run as root in CI, where the sandbox refuses to start
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--user-data-dir=" + dir.resolve("profile"),
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            "--use-file-for-fake-audio-capture=" + microphoneWav.toAbsolutePath(),
            "--autoplay-policy=no-user-gesture-required",
            "--enable-logging=stderr",
            "--v=0"));
    command.addAll(flags);
    command.add(page.toString());
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The last lines Chromium logged, without its complaints about the missing D-Bus. */
  String log() throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.contains("dbus")).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  @Override
  public void close() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }
}
