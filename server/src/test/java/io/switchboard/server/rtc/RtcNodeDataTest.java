package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data packets over WebRTC data channels between LiveKit's Rust SDK clients ({@code
 * @livekit/rtc-node} 1.1.0), with RoomService SendData from {@code livekit-server-sdk}.
 */
class RtcNodeDataTest {
  /** rtc-node's DataPacketKind (ffi room.proto): KIND_LOSSY = 0, KIND_RELIABLE = 1. */
  private static final int LOSSY = 0;
  private static final int RELIABLE = 1;

  @TempDir Path data;

  @Test
  void publishedDataReachesEveryoneOrTheNamedParticipantWithTheSendersIdentity() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      JsonNode result =
          RtcNode.result(RtcNode.run("rtc-data.mjs", RtcNode.env(server, "rtc-data"), data.resolve("node.log")));
      System.out.println("rtc-data: " + result);
      JsonNode bob = result.path("bob");
      JsonNode carol = result.path("carol");

      assertEquals(List.of("hello everyone", "only for bob", "dtmf:#", "end"), texts(bob, false), bob.toString());
      assertEquals(List.of("hello everyone", "dtmf:#", "from the server", "end"), texts(carol, false),
          "carol was not a destination of 'only for bob', and 'muted' may not publish data: " + carol);
      assertTrue(result.path("alice").isEmpty(), "nobody hears their own data: " + result.path("alice"));

      JsonNode hello = entry(bob, "hello everyone");
      assertEquals("alice", hello.path("from").asText());
      assertEquals("chat", hello.path("topic").asText());
      assertEquals(RELIABLE, hello.path("kind").asInt());
      assertEquals("private", entry(bob, "only for bob").path("topic").asText());
      JsonNode dtmf = entry(carol, "dtmf:#");
      assertEquals(11, dtmf.path("code").asInt(), "RFC 4733: # is event 11");
      assertEquals("alice", dtmf.path("from").asText());
      JsonNode lossy = entry(bob, "lossy");
      assertEquals(LOSSY, lossy.path("kind").asInt(), "sent on _lossy, received as lossy: " + bob);
      assertEquals("fast", lossy.path("topic").asText());
      JsonNode fromServer = entry(carol, "from the server");
      assertTrue(fromServer.path("from").isNull(), "the server sends as nobody: " + fromServer);
      assertEquals("admin", fromServer.path("topic").asText());
    }
  }

  /** The texts received in order; lossy ones left out unless asked for (they may be lost). */
  private static List<String> texts(JsonNode got, boolean withLossy) {
    List<String> out = new ArrayList<>();
    got.forEach(e -> {
      if (withLossy || !e.path("text").asText().equals("lossy")) {
        out.add(e.path("text").asText());
      }
    });
    return out;
  }

  private static JsonNode entry(JsonNode got, String text) {
    for (JsonNode e : got) {
      if (e.path("text").asText().equals(text)) {
        return e;
      }
    }
    assertFalse(true, "no '" + text + "' in " + got);
    return null;
  }
}
