package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RoomService PerformRpc to a real {@code @livekit/rtc-node} 1.1.0 participant over WebRTC data
 * channels: its registered method answers, and its RPC errors come back with their codes.
 */
class RtcNodeRpcTest {
  @TempDir Path data;

  @Test
  void theServerCallsAMethodTheParticipantRegistered() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      JsonNode result =
          RtcNode.result(RtcNode.run("rtc-rpc.mjs", RtcNode.env(server, "rtc-rpc"), data.resolve("node.log")));
      System.out.println("rtc-rpc: " + result);

      assertEquals("HELLO FROM THE SERVER", result.path("shout").asText());
      assertEquals("GRÜSSE ✓", result.path("unicode").asText(), "UTF-8 both ways");
      JsonNode first = result.path("invocations").path(0);
      assertEquals("hello from the server", first.path("payload").asText());
      assertEquals(10_000, first.path("responseTimeout").asInt(), "LiveKit's default response timeout");
      assertEquals(5_000, result.path("invocations").path(1).path("responseTimeout").asInt());
      assertTrue(first.path("caller").asText().matches("[0-9a-f-]{36}"),
          "as in LiveKit, the caller identity is the request id: " + first);

      JsonNode unregistered = result.path("unregistered");
      assertEquals("invalid_argument", unregistered.path("code").asText(), unregistered.toString());
      assertTrue(unregistered.path("message").asText().contains("RpcError 1400"), unregistered.toString());
      JsonNode refused = result.path("refused");
      assertEquals("internal", refused.path("code").asText(), refused.toString());
      assertTrue(refused.path("message").asText().contains("RpcError 4242: not today: try tomorrow"), refused.toString());
      JsonNode crashed = result.path("crashed");
      assertTrue(crashed.path("message").asText().contains("RpcError 1500"), crashed.toString());
      JsonNode nobody = result.path("nobody");
      assertEquals("not_found", nobody.path("code").asText(), nobody.toString());
      assertTrue(nobody.path("message").asText().contains("\"ghost\""), nobody.toString());
    }
  }
}
