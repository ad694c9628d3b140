package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/test/node} that drives {@code @livekit/rtc-node} (LiveKit's Rust
 * SDK behind Node) against a running Switchboard. Skips only when node_modules is not installed,
 * and never in CI.
 */
public final class RtcNode {
  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static final ObjectMapper JSON = new ObjectMapper();

  private RtcNode() {}

  public static void assumeInstalled() {
    boolean installed = Files.isRegularFile(NODE_DIR.resolve("node_modules/@livekit/rtc-node/package.json"));
    assertTrue(installed || System.getenv("CI") == null, "@livekit/rtc-node missing in CI");
    assumeTrue(installed, "@livekit/rtc-node not installed: run scripts/install-test-tools.sh");
  }

  public static Map<String, String> env(RunningSwitchboard server, String room) {
    return Map.of(
        "LIVEKIT_URL", server.url().replaceFirst("^http", "ws"),
        "LIVEKIT_API_KEY", RunningSwitchboard.API_KEY,
        "LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET,
        "ROOM", room);
  }

  /** Runs the script; fails the test unless it exits 0. Returns its output. */
  public static String run(String script, Map<String, String> env, Path log, String... nodeOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(nodeOptions));
    command.add(script);
    ProcessBuilder node =
        new ProcessBuilder(command).directory(NODE_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().putAll(env);
    node.environment().put("RUST_LOG", "warn");
    Process process = node.start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "node " + script + " did not finish in 120 s:\n" + output);
    assertEquals(0, process.exitValue(), "node " + script + " failed:\n" + output);
    return output;
  }

  /** Starts the script in the background; its output goes to {@code log}. */
  public static Process start(String script, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder node =
        new ProcessBuilder("node", script).directory(NODE_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().putAll(env);
    return node.start();
  }

  /** Waits until the script's output has a line equal to {@code line}. */
  public static void awaitLine(Process process, Path log, String line, java.time.Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (output.lines().anyMatch(line::equals)) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("node exited before printing " + line + ":\n" + output);
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
    throw new AssertionError("node did not print " + line + " within " + limit + ":\n" + Files.readString(log));
  }

  /** The JSON a script printed on its {@code RESULT } line. */
  public static JsonNode result(String output) throws IOException {
    for (String line : output.split("\n")) {
      if (line.startsWith("RESULT ")) {
        return JSON.readTree(line.substring("RESULT ".length()));
      }
    }
    throw new AssertionError("no RESULT line in:\n" + output);
  }
}
