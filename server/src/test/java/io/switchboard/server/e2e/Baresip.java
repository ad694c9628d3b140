package io.switchboard.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real SIP phone for end-to-end tests: Debian's baresip, headless. It plays a WAV file as its
 * microphone and, through the sndfile module, records what it hears to {@code dump-*-dec.wav}.
 * Either it dials at start and quits after a while ({@link #dial}), or it is remote-controlled
 * through its ctrl_tcp module ({@link #start}), which can also key DTMF (RFC 4733).
 */
final class Baresip implements AutoCloseable {
  private final Path dir;
  private final Path log;
  private final int controlPort;
  private final CountDownLatch ready = new CountDownLatch(1);
  /** Whether {@link #dial} logs every SIP message (baresip's -s), SDP included. */
  private final boolean sipTrace;
  private Process process;

  static boolean installed() {
    return Files.isExecutable(Path.of("/usr/bin/baresip"));
  }

  /**
   * @param sipPort a free port for baresip's own SIP listener (it also takes the next one for TLS)
   */
  Baresip(Path dir, String user, int sipPort, Path microphoneWav) throws IOException {
    this(dir, user, sipPort, microphoneWav, 0);
  }

  /**
   * @param controlPort a free port for the ctrl_tcp module, or 0 for none
   */
  Baresip(Path dir, String user, int sipPort, Path microphoneWav, int controlPort) throws IOException {
    this(dir, user, sipPort, microphoneWav, controlPort, null);
  }

  /**
   * @param mediaEncryption baresip's account {@code mediaenc} ({@code srtp}: best-effort SDES on
   *     RTP/AVP, {@code srtp-mand}: RTP/SAVP only), or null for plain RTP
   */
  Baresip(Path dir, String user, int sipPort, Path microphoneWav, int controlPort, String mediaEncryption)
      throws IOException {
    this(dir, user, sipPort, microphoneWav, controlPort, mediaEncryption, List.of("module g711.so"), false);
  }

  /**
   * A phone whose only audio codec is Opus (RFC 7587): mono both ways, its microphone and speaker
   * at 48 kHz (so the WAV should be 48 kHz mono), SIP messages traced into its log. Its recording
   * is what the Opus decoder produced: 48 kHz, two channels (baresip decodes opus/48000/2).
   */
  static Baresip opusOnly(Path dir, String user, int sipPort, Path microphoneWav) throws IOException {
    return new Baresip(dir, user, sipPort, microphoneWav, 0, null, List.of(
        "module opus.so",
        "opus_stereo no",
        "opus_sprop_stereo no",
        "opus_bitrate 64000",
        "ausrc_srate 48000",
        "ausrc_channels 1",
        "auplay_srate 48000",
        "auplay_channels 1"), true);
  }

  private Baresip(Path dir, String user, int sipPort, Path microphoneWav, int controlPort, String mediaEncryption,
      List<String> codecConfig, boolean sipTrace) throws IOException {
    this.sipTrace = sipTrace;
    this.dir = Files.createDirectories(dir);
    this.log = dir.resolve("baresip.log");
    this.controlPort = controlPort;
    List<String> config =
        new ArrayList<>(
            List.of(
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sipPort,
                "net_interface 127.0.0.1",
                "audio_source aufile," + microphoneWav.toAbsolutePath(),
                "audio_alert aufile," + microphoneWav.toAbsolutePath(),
                "module_path /usr/lib/baresip/modules",
                "module aufile.so",
                "module sndfile.so",
                "snd_path " + dir.toAbsolutePath(),
                "module_app account.so",
                "module_app menu.so"));
    config.addAll(codecConfig);
    if (controlPort != 0) {
      config.add("module_app ctrl_tcp.so");
      config.add("ctrl_tcp_listen 127.0.0.1:" + controlPort);
    }
    if (mediaEncryption != null) {
      config.add("module srtp.so");
    }
    config.add("");
    Files.writeString(dir.resolve("config"), String.join("\n", config));
    Files.writeString(dir.resolve("accounts"), "<sip:" + user + "@127.0.0.1>;regint=0"
        + (mediaEncryption == null ? "" : ";mediaenc=" + mediaEncryption) + "\n");
  }

  /** Dials {@code uri} and hangs up (quits) after {@code duration}. */
  void dial(String uri, Duration duration) throws IOException {
    List<String> command = new ArrayList<>(
        List.of("baresip", "-f", dir.toString(), "-t", Long.toString(duration.toSeconds()), "-e", "/dial " + uri));
    if (sipTrace) {
      command.add("-s");
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
  }

  /**
   * Starts baresip idle (it quits by itself after {@code lifetime} at the latest) and connects
   * to its control port once it reports it is ready.
   */
  BaresipControl start(Duration lifetime) throws IOException, InterruptedException {
    if (controlPort == 0) {
      throw new IllegalStateException("this baresip was configured without a control port");
    }
    process =
        new ProcessBuilder("baresip", "-f", dir.toString(), "-t", Long.toString(lifetime.toSeconds()))
            .redirectErrorStream(true)
            .start();
    Thread.ofVirtual().name("baresip-output").start(this::copyOutput);
    if (!ready.await(15, TimeUnit.SECONDS)) {
      throw new IOException("baresip did not become ready; log:\n" + log());
    }
    return BaresipControl.connect(controlPort);
  }

  /** Copies baresip's output to the log, line by line, and notes when it is ready. */
  private void copyOutput() {
    try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        out.write(line);
        out.write('\n');
        out.flush();
        if (line.contains("baresip is ready")) {
          ready.countDown();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
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

  /** The phone's directory name, for messages. */
  String name() {
    return dir.getFileName().toString();
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
