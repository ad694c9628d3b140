package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LiveKit's Rust SDK (through {@code @livekit/rtc-node} 1.1.0) against Switchboard's /rtc. */
class RtcNodeClientsTest {
  @TempDir Path data;

  @Test
  void clientsJoinSeeEachOtherUpdateThemselvesAndReplaceADuplicate() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      String output =
          RtcNode.run("rtc-connect.mjs", RtcNode.env(server, "rtc-connect"), data.resolve("node.log"),
              "--test-force-exit", "--test-reporter=tap");
      assertTrue(output.contains("# pass 6") && output.contains("# fail 0"), output);
    }
  }

  @Test
  void oneClientHearsTheOthersToneForwardedAsOpus() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      JsonNode result =
          RtcNode.result(RtcNode.run("rtc-two-clients.mjs", RtcNode.env(server, "rtc-tone"), data.resolve("node.log")));
      assertEquals("speaker", result.path("from").asText());
      assertEquals(result.path("publishedSid").asText(), result.path("trackSid").asText(),
          "the listener got the track the speaker published");
      JsonNode tone = result.path("tone");
      // A 440 Hz sine of amplitude 8000 has an RMS of 5657; through Opus it should stay close.
      assertTrue(tone.path("share").asDouble() > 0.9, "440 Hz dominates what is heard: " + tone);
      assertTrue(tone.path("rms").asInt() > 4500 && tone.path("rms").asInt() < 7000, "level kept: " + tone);
      assertTrue(result.path("other").path("share").asDouble() < 0.02, "no 1 kHz: " + result);
    }
  }
}
