package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.EgressServiceClient;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.rtc.RtcNode;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebRTC client (LiveKit's Rust SDK through {@code @livekit/rtc-node}) joins with a token whose
 * {@code roomConfig} asks for {@code egress.tracks}: the tone it publishes is recorded to a file
 * of its own, named by LiveKit's track template.
 */
class AutoTrackEgressRtcTest {
  private static final double TONE = 660;

  @TempDir Path data;

  @Test
  void aTokensTrackEgressRecordsThePublishedTone() throws Exception {
    RtcNode.assumeInstalled();
    assumeTrue(Decoder.installed() || System.getenv("CI") != null, "ffmpeg is not installed");
    try (RunningSwitchboard server = new RunningSwitchboard(data)) {
      JsonNode result = RtcNode.result(
          RtcNode.run("rtc-auto-track-egress.mjs", RtcNode.env(server, "webinar"), data.resolve("node.log")));
      String track = result.path("trackSid").asText();
      assertEquals(track, result.path("activeWhilePublishing").path(0).path("trackId").asText(),
          "one track egress ran while the client published: " + result);

      EgressServiceClient egress =
          EgressServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      EgressInfo done = complete(egress);
      assertEquals(track, done.getTrack().getTrackId());
      assertEquals("tracks/webinar/speaker-" + track + ".ogg", done.getFileResults(0).getFilename());
      WavFile played = Decoder.decode(Path.of(done.getFileResults(0).getLocation()));
      Heard heard = new Heard(WavFile.mono(played.sampleRate(), played.channel(0)));
      int first = heard.firstMillisWith(TONE);
      double level = heard.medianLevel(first + 200, 1000, TONE);
      System.out.printf("auto track egress: file %.3f s, tone %.0f, first heard at %d ms%n",
          played.durationSeconds(), level, first);
      assertTrue(first >= 0 && level > 2000, "the published tone is in the file: " + level);
      assertTrue(played.durationSeconds() > 4.5 && played.durationSeconds() < 12,
          "lasts the publication (5 s): " + played.durationSeconds());
    }
  }

  private static EgressInfo complete(EgressServiceClient egress) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<EgressInfo> all = ok(egress.listEgress("webinar", null, false).execute());
      if (all.size() == 1 && all.getFirst().getStatus() == EgressStatus.EGRESS_COMPLETE) {
        return all.getFirst();
      }
      assertTrue(System.nanoTime() < deadline, "no complete track recording: " + all);
      Thread.sleep(100);
    }
  }
}
