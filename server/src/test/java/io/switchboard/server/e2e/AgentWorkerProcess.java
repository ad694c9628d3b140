package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code src/test/node/tone-agent.mjs}: a worker of LiveKit's own Agents framework
 * ({@code @livekit/agents}), started as a user would ({@code node tone-agent.mjs start}) against
 * a running Switchboard. Its jobs print {@code AGENT {json}} lines, read back here.
 */
final class AgentWorkerProcess implements AutoCloseable {
  private static final Path NODE_DIR = Path.of("src", "test", "node");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;

  private AgentWorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  static void assumeInstalled() {
    boolean installed = Files.isRegularFile(NODE_DIR.resolve("node_modules/@livekit/agents/package.json"));
    assertTrue(installed || System.getenv("CI") == null, "@livekit/agents missing in CI");
    assumeTrue(installed, "@livekit/agents not installed: run scripts/install-test-tools.sh");
  }

  static AgentWorkerProcess start(RunningSwitchboard server, String agentName, Path log) throws IOException {
    return start(server, agentName, log, java.util.Map.of());
  }

  /** As {@link #start(RunningSwitchboard, String, Path)}, with more environment (e.g. SUBSCRIBE_AFTER_MS). */
  static AgentWorkerProcess start(RunningSwitchboard server, String agentName, Path log,
      java.util.Map<String, String> env) throws IOException {
    ProcessBuilder node = new ProcessBuilder("node", "tone-agent.mjs", "start")
        .directory(NODE_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().put("LIVEKIT_URL", server.url().replaceFirst("^http", "ws"));
    node.environment().put("LIVEKIT_API_KEY", RunningSwitchboard.API_KEY);
    node.environment().put("LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET);
    node.environment().put("AGENT_NAME", agentName);
    node.environment().put("WORKER_HTTP_PORT", Integer.toString(FreePorts.one()));
    node.environment().put("RUST_LOG", "warn");
    node.environment().putAll(env);
    return new AgentWorkerProcess(node.start(), log);
  }

  /**
   * Waits until the server knows a worker for {@code agentName} (empty: one for automatic
   * dispatch) and the worker has a job process ready ({@code JOB_PROCESS_READY}): a job offered
   * sooner would wait for a process to start, which a loaded machine can stretch past the 30 s
   * Switchboard gives an assigned agent to join.
   */
  void awaitRegistered(RunningSwitchboard server, String agentName, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    var dispatcher = server.server().agents().dispatcher();
    while ((agentName.isEmpty() ? dispatcher.automaticNamespaces().isEmpty() : !dispatcher.agentNames().contains(agentName))
        || !output().contains("JOB_PROCESS_READY")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the worker did not register '" + agentName + "' with a job process ready:\n"
            + output());
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  /** Waits for an {@code AGENT} report that {@code matches}; returns it. */
  JsonNode awaitReport(Predicate<JsonNode> matches, String what, Duration limit)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      for (JsonNode report : reports()) {
        if (matches.test(report)) {
          return report;
        }
      }
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("the agent did not report " + what + " within " + limit + ":\n" + output());
      }
      process.waitFor(100, TimeUnit.MILLISECONDS);
    }
  }

  List<JsonNode> reports() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : output().split("\n")) {
      int at = line.indexOf("AGENT {");
      if (at >= 0) {
        out.add(JSON.readTree(line.substring(at + "AGENT ".length())));
      }
    }
    return out;
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The worker and its job processes. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
