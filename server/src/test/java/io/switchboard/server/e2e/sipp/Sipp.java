package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real SIPp (Debian sip-tester) playing a carrier against the whole server on loopback: one
 * call ({@code -m 1}), bounded by {@code -timeout}, on ephemeral SIP and RTP ports. The bound runs
 * from SIPp's start, not from its call: it is generous because a test may start SIPp well before
 * the call (a node script, an agent's start-up) on a busy machine; a passing run never waits for it. SIPp echoes
 * every RTP packet it receives back to its sender ({@code -rtp_echo}), so the room can hear
 * itself through the caller's leg. Scenarios live under {@code src/test/resources/sipp/};
 * {@code ${NAME}} placeholders are filled from a map first.
 */
final class Sipp {
  private static final String LOOPBACK = "127.0.0.1";
  private static final int TIMEOUT_SECONDS = 120;

  private Sipp() {}

  /** Skips the test when sipp is not installed. */
  static void assumeInstalled() {
    assumeTrue(onPath("sipp"), "sipp (Debian package sip-tester) is not on PATH");
  }

  /** What a SIPp run produced. {@code exitCode} 0 means the call passed the scenario. */
  record Result(int exitCode, String messages, String errors) {
    boolean passed() {
      return exitCode == 0;
    }

    String describe() {
      return "sipp exit " + exitCode + "\n--- errors ---\n" + errors + "\n--- messages ---\n" + messages;
    }

    /** The first message SIPp received or sent whose start line begins with {@code startLine}. */
    String message(String startLine) {
      int at = messages.indexOf("\n" + startLine);
      if (at < 0) {
        throw new AssertionError("no message starting '" + startLine + "' in the trace\n" + messages);
      }
      int end = messages.indexOf("\n\n-----", at);
      return messages.substring(at + 1, end < 0 ? messages.length() : end);
    }
  }

  /** A SIPp on its way: the test acts on the server (or cues the carrier) while it runs. */
  static final class Run {
    private final Process process;
    private final Path directory;
    private final String callId;
    private final int sipPort;

    private Run(Process process, Path directory, String callId, int sipPort) {
      this.process = process;
      this.directory = directory;
      this.callId = callId;
      this.sipPort = sipPort;
    }

    /** The Call-ID of the (only) call, as SIPp writes it: chosen by us with {@code -cid_str}. */
    String callId() {
      return callId;
    }

    /** SIPp's SIP port on 127.0.0.1, where {@link CarrierCue} reaches it. */
    int sipPort() {
      return sipPort;
    }

    Result await() throws IOException, InterruptedException {
      // -timeout bounds the scenario; this only guards against a SIPp that never exits.
      if (!process.waitFor(TIMEOUT_SECONDS + 30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      var result = new Result(process.exitValue(), read(directory.resolve("messages.log")),
          read(directory.resolve("errors.log")) + read(directory.resolve("output.log")));
      if (result.passed()) {
        deleteQuietly(directory); // kept on failure, for a look at the traces
      }
      return result;
    }

    void kill() {
      process.destroyForcibly();
    }
  }

  /** Runs a scenario to its end. */
  static Result run(String scenario, int serverPort, Map<String, String> vars, String... args)
      throws IOException, InterruptedException {
    return start(scenario, serverPort, vars, args).await();
  }

  /** Starts a scenario over UDP against {@code 127.0.0.1:serverPort}. */
  static Run start(String scenario, int serverPort, Map<String, String> vars, String... args) throws IOException {
    Path directory = Files.createTempDirectory("sipp-e2e-");
    String xml = scenario(scenario);
    for (var entry : vars.entrySet()) {
      xml = xml.replace("${" + entry.getKey() + "}", entry.getValue());
    }
    if (xml.contains("${")) {
      throw new IllegalArgumentException(scenario + " has an unfilled placeholder: " + xml.substring(xml.indexOf("${")));
    }
    Path file = directory.resolve(scenario);
    Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
    // A TCP SIPp listens on TCP at this port too: a UDP-only probe let it hit errno 98 (in use).
    int sipPort = List.of(args).contains("t1") ? freeUdpAndTcpPort() : freeUdpPort();
    int mediaPort = freeMediaPorts();
    // %u is SIPp's call number: with -m 1 the one call is number 1.
    String callIdPrefix = "e2e-" + UUID.randomUUID();
    List<String> command = new ArrayList<>(List.of(
        "sipp", LOOPBACK + ":" + serverPort, "-sf", file.toString(), "-m", "1", "-nostdin",
        "-i", LOOPBACK, "-p", Integer.toString(sipPort), "-t", "u1",
        "-mi", LOOPBACK, "-mp", Integer.toString(mediaPort), "-rtp_echo",
        "-cid_str", callIdPrefix + "-%u",
        "-timeout", TIMEOUT_SECONDS + "s", "-timeout_error", "-max_recv_loops", "1000",
        "-trace_msg", "-message_file", directory.resolve("messages.log").toString(),
        "-trace_err", "-error_file", directory.resolve("errors.log").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("output.log").toFile())
        .start();
    if (List.of(args).contains("t1")) {
      awaitTcpListener(sipPort, process);
    }
    return new Run(process, directory, callIdPrefix + "-1", sipPort);
  }

  /**
   * Over UDP our first INVITE is retransmitted until SIPp is up; over TCP a refused connection
   * fails the call at once, so a TCP SIPp is started only once it listens (read from the
   * kernel's socket table, not probed: a probe connection would be a stray call to SIPp).
   */
  private static void awaitTcpListener(int port, Process process) throws IOException {
    String local = String.format(":%04X ", port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && process.isAlive()) {
      for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
        String[] fields = line.trim().split("\\s+");
        if (fields.length > 3 && (fields[1] + " ").endsWith(local) && fields[3].equals("0A")) {
          return; // 0A: LISTEN
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for SIPp to listen on TCP " + port, e);
      }
    }
    throw new IOException("SIPp did not listen on TCP port " + port + " within 10 s");
  }

  private static String scenario(String name) throws IOException {
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + name)) {
      if (in == null) {
        throw new IOException("no scenario /sipp/" + name + " on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static int freeUdpAndTcpPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = freeUdpPort();
      try (var tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // in use on TCP: try another
      }
    }
    throw new IOException("no port free on both UDP and TCP after 50 tries");
  }

  private static int freeUdpPort() throws IOException {
    try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** An even port p with p..p+3 free: SIPp echoes audio on p and p+2, we send RTCP to p+1. */
  private static int freeMediaPorts() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = freeUdpPort() & ~1;
      if (port < 1024 || port > 65530) {
        continue;
      }
      List<DatagramSocket> probes = new ArrayList<>();
      try {
        for (int i = 0; i < 4; i++) {
          probes.add(new DatagramSocket(port + i, InetAddress.getLoopbackAddress()));
        }
        return port;
      } catch (IOException taken) {
        // try another
      } finally {
        probes.forEach(DatagramSocket::close);
      }
    }
    throw new IOException("no four consecutive free UDP ports for SIPp's media");
  }

  private static void deleteQuietly(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(directory, program))) {
        return true;
      }
    }
    return false;
  }
}
