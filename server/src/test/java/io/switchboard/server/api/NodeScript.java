package io.switchboard.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of {@code src/test/node} with LiveKit's Node server SDK ({@code livekit-server-sdk},
 * pinned by its lock file). Skips the calling test only when {@code scripts/install-test-tools.sh}
 * has not installed node_modules, and never in CI.
 */
final class NodeScript {
  private static final Path NODE_DIR = Path.of("src", "test", "node");

  private NodeScript() {}

  static void assumeInstalled() {
    boolean installed = Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json"));
    assertTrue(installed || System.getenv("CI") == null, "livekit-server-sdk missing in CI");
    assumeTrue(installed, "livekit-server-sdk not installed: run scripts/install-test-tools.sh");
  }

  /** Runs {@code node script} with {@code env}; fails the test unless it exits 0. Returns stdout and stderr. */
  static String run(String script, Map<String, String> env, Path log) throws IOException, InterruptedException {
    ProcessBuilder node =
        new ProcessBuilder("node", script)
            .directory(NODE_DIR.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    node.environment().putAll(env);
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
}
