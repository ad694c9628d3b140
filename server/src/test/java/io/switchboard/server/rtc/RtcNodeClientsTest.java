package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.server.config.RtcConfig;
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
  void twoClientsHearEachOthersToneForwardedAsOpus() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      JsonNode result =
          RtcNode.result(RtcNode.run("rtc-two-clients.mjs", RtcNode.env(server, "rtc-tone"), data.resolve("node.log")));
      System.out.println("rtc-two-clients: " + result);
      assertHeard(result.path("listener"), "speaker");
      assertHeard(result.path("speaker"), "listener");
    }
  }

  /** LiveKit's single-port mode ({@code rtc.udp_port}): every connection on one UDP port, no TCP. */
  @Test
  void twoClientsHearEachOtherThroughOneSharedUdpPort() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data,
        c -> c.withRtc(RtcConfig.DEFAULTS.withUdpPort(0).withTcpPort(RtcConfig.TCP_OFF)))) {
      assertTrue(server.server().rtcUdpPort().isPresent(), "rtc.udp_port 0 binds a shared port");
      assertTrue(server.server().rtcTcpPort().isEmpty(), "ICE-TCP is off, so only the shared port can carry media");
      JsonNode result =
          RtcNode.result(RtcNode.run("rtc-two-clients.mjs", RtcNode.env(server, "rtc-tone"), data.resolve("node.log")));
      assertHeard(result.path("listener"), "speaker");
      assertHeard(result.path("speaker"), "listener");
    }
  }

  private static void assertHeard(JsonNode side, String from) {
    assertEquals(from, side.path("from").asText(), side.toString());
    assertEquals(side.path("publishedSid").asText(), side.path("trackSid").asText(),
        "the track the other published: " + side);
    JsonNode tone = side.path("tone");
    // A sine of amplitude 8000 has an RMS of 5657; through Opus it should stay close. The share is
    // the median over 100 ms windows of the tone's part of the power (1 = a pure tone).
    assertTrue(tone.path("share").asDouble() > 0.9, "the other's tone dominates: " + side);
    assertTrue(tone.path("rms").asInt() > 4500 && tone.path("rms").asInt() < 7000, "level kept: " + side);
    assertTrue(side.path("own").path("share").asDouble() < 0.02, "not its own tone: " + side);
    assertTrue(side.path("toldSubscribed").asBoolean(), "LiveKit's TrackSubscribed told it the other receives it: " + side);
  }
}
