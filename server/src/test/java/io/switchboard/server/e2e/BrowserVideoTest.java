package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.TrackInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camera video between two livekit-client pages in Debian's headless Chromium: one publishes
 * Chromium's fake camera at 640x360, the other must decode it at that size, in the codec the
 * publisher chose (VP8; H.264 when this Chromium build has an encoder), also when the publisher
 * offers simulcast layers (livekit-client's default).
 */
class BrowserVideoTest {
  private static final String ROOM = "video-room";
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    boolean tools = Chromium.installed() && BrowserPage.clientInstalled();
    assumeTrue(tools || System.getenv("CI") != null, "chromium or livekit-client is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void subscriberDecodesThePublishersVp8CameraAtItsResolution() throws Exception {
    JsonNode video = publishAndWatch("vp8");
    assertEquals("video/VP8", video.get("codec").asText(), video.toString());
  }

  @Test
  void subscriberDecodesH264WhenChromiumCanEncodeIt() throws Exception {
    JsonNode video = publishAndWatch("h264");
    assertEquals("video/H264", video.get("codec").asText(), video.toString());
  }

  /** livekit-client's default: camera simulcast; our answer keeps only its full-size layer. */
  @Test
  void simulcastPublisherIsForwardedAtFullResolution() throws Exception {
    JsonNode video = publishAndWatch("vp8", true);
    assertEquals("video/VP8", video.get("codec").asText(), video.toString());
  }

  private JsonNode publishAndWatch(String codec) throws Exception {
    return publishAndWatch(codec, false);
  }

  /** Publishes in {@code codec} and returns what the subscribing page decoded. */
  private JsonNode publishAndWatch(String codec, boolean simulcast) throws Exception {
    Path microphone = dir.resolve("silence.wav");
    WavFile.mono(48000, ToneGenerator.tone(440, 0, 48000, 48000 * 5)).write(microphone);
    String url = server.url().replaceFirst("^http", "ws");
    try (BrowserPage publisherPage = new BrowserPage();
        Chromium publisher = new Chromium(dir.resolve("publisher"), microphone, publisherPage.address("video.html", Map.of(
            "url", url, "token", token("camera"), "role", "publish", "codec", codec, "simulcast", Boolean.toString(simulcast),
            "width", Integer.toString(WIDTH), "height", Integer.toString(HEIGHT), "holdMs", "60000")))) {
      JsonNode joined = publisherPage.await(r -> r.has("connected"), Duration.ofSeconds(60), "publishing");
      if (codec.equals("h264")) {
        boolean encodes = false;
        for (JsonNode c : joined.get("codecs")) {
          encodes |= c.asText().startsWith("video/H264") && c.asText().contains("profile-level-id=42e01f");
        }
        assumeTrue(encodes, "this Chromium offers no H.264 42e01f: " + joined.get("codecs"));
      }
      assertTrue(joined.get("connected").asBoolean(), "the publisher could not connect: " + joined + "\n" + publisher.log());
      assertEquals("video", joined.get("tracks").get(0).get("kind").asText(), joined.toString());
      ParticipantInfo seen = server.server().rooms().room(ROOM).orElseThrow().participant("camera").orElseThrow();
      assertEquals(TrackInfo.TrackKind.VIDEO, seen.tracks().getFirst().kind(), "the room lists the camera: " + seen);

      try (BrowserPage subscriberPage = new BrowserPage();
          Chromium subscriber = new Chromium(dir.resolve("subscriber"), microphone, subscriberPage.address("video.html", Map.of(
              "url", url, "token", token("viewer"), "role", "subscribe", "frames", "30", "watchMs", "45000",
              "holdMs", "60000")))) {
        JsonNode video = subscriberPage.await(r -> r.has("video"), Duration.ofSeconds(90), "decoding video").get("video");
        System.out.println("subscriber decoded " + video);
        assertTrue(video.get("frames").asInt() >= 30,
            "the subscriber should decode the camera's frames: " + video + "\n" + subscriber.log());
        assertEquals(WIDTH, video.get("width").asInt(), "decoded width: " + video);
        assertEquals(HEIGHT, video.get("height").asInt(), "decoded height: " + video);
        assertEquals("camera", video.get("from").asText());
        return video;
      }
    }
  }

  private static String token(String identity) {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.setIdentity(identity);
    token.addGrants(new RoomJoin(true), new RoomName(ROOM), new CanPublish(true), new CanSubscribe(true));
    return token.toJwt();
  }
}
