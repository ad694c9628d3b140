package io.switchboard.server.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/node/agent-dispatch.mjs}: LiveKit's Node server SDK dispatches agents
 * with its {@code AgentDispatchClient} and with CreateRoom's {@code agents}.
 */
class NodeAgentDispatchTest {
  @TempDir Path data;

  @Test
  void nodeSdkDispatchesAgents() throws Exception {
    NodeScript.assumeInstalled();
    try (RunningSwitchboard server =
        new RunningSwitchboard(data, c -> c.withAgents(Map.of("ticket-desk", "com.example.TicketDesk")))) {
      String output = NodeScript.run("agent-dispatch.mjs", Map.of(
          "LIVEKIT_URL", server.url(),
          "LIVEKIT_API_KEY", RunningSwitchboard.API_KEY,
          "LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET,
          "AGENT", "ticket-desk"), data.resolve("node.log"));
      assertTrue(output.contains("# pass 3") && output.contains("# fail 0"), output);
    }
  }
}
