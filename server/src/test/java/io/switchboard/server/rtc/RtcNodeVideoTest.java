package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Video between two {@code @livekit/rtc-node} 1.1.0 clients (LiveKit's Rust SDK and its
 * libwebrtc): one publishes a 640x360 camera track with the SDK's default encodings (simulcast),
 * the other must decode frames of that size through Switchboard.
 */
class RtcNodeVideoTest {
  @TempDir Path data;

  @Test
  void viewerDecodesTheCameraAtItsPublishedSize() throws Exception {
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      JsonNode result =
          RtcNode.result(RtcNode.run("rtc-video.mjs", RtcNode.env(server, "rtc-video"), data.resolve("node.log")));
      System.out.println("rtc-video: " + result);
      assertEquals("camera", result.path("from").asText(), result.toString());
      assertTrue(result.path("frames").asInt() >= 30, "frames decoded: " + result);
      assertEquals(640, result.path("width").asInt(), "decoded width: " + result);
      assertEquals(360, result.path("height").asInt(), "decoded height: " + result);
    }
  }
}
