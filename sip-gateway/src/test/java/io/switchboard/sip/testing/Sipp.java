package io.switchboard.sip.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp (Debian sip-tester) against a server on loopback. Scenarios live under
 * {@code src/test/resources/sipp/}; {@code ${NAME}} placeholders are filled from a map first.
 */
public final class Sipp {
  private Sipp() {}

  /** Skips the test when sipp is not installed. */
  public static void assumeInstalled() {
    assumeTrue(onPath("sipp"), "sipp (Debian package sip-tester) is not on PATH");
  }

  /** What a SIPp run produced. {@code exitCode} 0 means every call passed the scenario. */
  public record Result(int exitCode, String messages, String errors) {
    public boolean passed() {
      return exitCode == 0;
    }

    public String describe() {
      return "sipp exit " + exitCode + "\n--- errors ---\n" + errors + "\n--- messages ---\n" + messages;
    }
  }

  /** A running SIPp: the test can act on the server while the scenario waits for it. */
  public static final class Run {
    private final Process process;
    private final Path directory;

    private Run(Process process, Path directory) {
      this.process = process;
      this.directory = directory;
    }

    public Result await() throws IOException, InterruptedException {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      var result = new Result(process.exitValue(), read(directory.resolve("messages.log")),
          read(directory.resolve("errors.log")) + read(directory.resolve("output.log")));
      if (result.passed()) {
        deleteQuietly(directory); // kept on failure, for a look at the traces
      }
      return result;
    }
  }

  /** Runs a scenario to the end: one call, {@code -timeout} bounded. */
  public static Result run(String scenario, String transport, int port, Map<String, String> vars, String... args)
      throws IOException, InterruptedException {
    return start(scenario, transport, port, vars, args).await();
  }

  public static Run start(String scenario, String transport, int port, Map<String, String> vars, String... args)
      throws IOException {
    Path directory = Files.createTempDirectory("sipp-");
    String xml;
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario)) {
      if (in == null) {
        throw new IOException("no scenario /sipp/" + scenario);
      }
      xml = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    for (var entry : vars.entrySet()) {
      xml = xml.replace("${" + entry.getKey() + "}", entry.getValue());
    }
    Path file = directory.resolve(scenario);
    Files.writeString(file, xml, StandardCharsets.ISO_8859_1);
    List<String> command = new ArrayList<>(List.of(
        "sipp", "127.0.0.1:" + port, "-sf", file.toString(), "-m", "1", "-nostdin",
        "-i", "127.0.0.1", "-p", Integer.toString(freePort()), "-t", transport, "-timeout", "20s", "-timeout_error", "-max_recv_loops", "1000",
        "-trace_msg", "-message_file", directory.resolve("messages.log").toString(),
        "-trace_err", "-error_file", directory.resolve("errors.log").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("output.log").toFile())
        .start();
    return new Run(process, directory);
  }

  private static void deleteQuietly(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
    }
    Files.deleteIfExists(directory);
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
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
