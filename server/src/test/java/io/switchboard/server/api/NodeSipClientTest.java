package io.switchboard.server.api;

import io.switchboard.server.testing.RunningSwitchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/node/sip-client.mjs}, which drives a running Switchboard's SIP API with
 * LiveKit's Node server SDK ({@code livekit-server-sdk}, pinned by its lock file). Skipped only
 * when {@code scripts/install-test-tools.sh} has not installed that directory's node_modules.
 */
class NodeSipClientTest {
  private static final Path NODE_DIR = Path.of("src", "test", "node");

  @TempDir Path data;

  @Test
  void nodeSdkManagesTrunksAndDispatchRules() throws Exception {
    boolean installed =
        Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json"));
    // In CI the test tools are always installed first: a skip there would hide a broken setup.
    org.junit.jupiter.api.Assertions.assertTrue(
        installed || System.getenv("CI") == null, "livekit-server-sdk missing in CI");
    assumeTrue(installed, "livekit-server-sdk not installed: run scripts/install-test-tools.sh");

    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      Path log = data.resolve("node.log");
      ProcessBuilder node =
          new ProcessBuilder("node", "sip-client.mjs")
              .directory(NODE_DIR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      node.environment().put("LIVEKIT_URL", server.url());
      node.environment().put("LIVEKIT_API_KEY", RunningSwitchboard.API_KEY);
      node.environment().put("LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET);
      Process process = node.start();
      boolean finished = process.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertTrue(finished, "node sip-client.mjs did not finish in 120 s:\n" + output);

      assertEquals(0, process.exitValue(), "node sip-client.mjs failed:\n" + output);
      assertTrue(output.contains("# fail 0"), output);
    }
  }
}
