package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/node/outbound-client.mjs}: LiveKit's Node server SDK places calls
 * ({@code SipClient.createSipParticipant}) to three SIPp callees, one that answers (and must
 * receive our BYE when the script removes the participant), one busy, one that never answers
 * (and must receive our CANCEL).
 */
class NodeOutboundClientTest {
  private static final Path NODE_DIR = Path.of("src", "test", "node");

  @TempDir Path dir;
  private ServerUnderCall switchboard;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    boolean installed = Files.isRegularFile(NODE_DIR.resolve("node_modules/livekit-server-sdk/package.json"));
    assertTrue(installed || System.getenv("CI") == null, "livekit-server-sdk missing in CI");
    assumeTrue(installed, "livekit-server-sdk not installed: run scripts/install-test-tools.sh");
    switchboard = new ServerUnderCall(dir, false);
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @Test
  void nodeSdkPlacesCallsAndReadsSipFailures() throws Exception {
    Sipp.Run answer = switchboard.call("outbound_answer.xml", Map.of("RING_MS", "500"));
    Sipp.Run busy = switchboard.call("outbound_busy.xml", Map.of());
    Sipp.Run noAnswer = switchboard.call("outbound_no_answer.xml", Map.of());

    Path log = dir.resolve("node.log");
    ProcessBuilder node = new ProcessBuilder("node", "outbound-client.mjs").directory(NODE_DIR.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    node.environment().put("LIVEKIT_URL", switchboard.server.url());
    node.environment().put("LIVEKIT_API_KEY", RunningSwitchboard.API_KEY);
    node.environment().put("LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET);
    node.environment().put("ANSWER_PORT", Integer.toString(answer.sipPort()));
    node.environment().put("BUSY_PORT", Integer.toString(busy.sipPort()));
    node.environment().put("NO_ANSWER_PORT", Integer.toString(noAnswer.sipPort()));
    Process process = node.start();
    boolean finished = process.waitFor(90, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "node outbound-client.mjs did not finish in 90 s:\n" + output);
    assertEquals(0, process.exitValue(), "node outbound-client.mjs failed:\n" + output);
    assertTrue(output.contains("# fail 0"), output);

    Sipp.Result answered = answer.await(); // passes only if our BYE came
    assertTrue(answered.passed(), answered.describe());
    assertTrue(answered.message("INVITE ").contains("X-Campaign: spring"), "request headers reach the INVITE");
    for (Sipp.Run carrier : new Sipp.Run[] {busy, noAnswer}) {
      Sipp.Result result = carrier.await(); // the unanswered one passes only if our CANCEL came
      assertTrue(result.passed(), result.describe());
    }
  }
}
