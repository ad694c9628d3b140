package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * livekit-client in Debian's headless Chromium exchanges data packets with the room over
 * Chromium's own SCTP stack: it publishes on the channels it opens on its publisher connection,
 * and receives on the ones the server opens on its subscriber connection.
 */
class BrowserDataTest {
  private static final String ROOM = "browser-data";
  @TempDir Path dir;

  @Test
  void browserPublishesDataAndReceivesTheRooms() throws Exception {
    boolean tools = Chromium.installed() && BrowserPage.clientInstalled();
    assumeTrue(tools || System.getenv("CI") != null, "chromium or livekit-client is not installed");
    BlockingQueue<DataPacket> atBot = new LinkedBlockingQueue<>();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"))) {
      LocalParticipant bot = server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET).join(
          new ParticipantSpec("bot", "Bot", ParticipantKind.AGENT, "", Map.of()),
          new ParticipantListener() {
            @Override
            public void onData(DataPacket packet) {
              atBot.add(packet);
            }
          });
      Path microphone = dir.resolve("browser.wav");
      WavFile.mono(48000, ToneGenerator.tone(440, 8000, 48000, 48000 * 30)).write(microphone);
      try (BrowserPage page = new BrowserPage();
          Chromium browser = new Chromium(dir.resolve("chromium"), microphone, page.address(Map.of(
              "url", server.url().replaceFirst("^http", "ws"),
              "token", token(),
              "holdMs", "20000",
              "data", "hello from the browser")))) {
        JsonNode joined = page.await(r -> r.has("connected"), Duration.ofSeconds(40), "connecting");
        assertTrue(joined.get("connected").asBoolean(), "the browser could not connect: " + joined + "\n" + browser.log());
        page.await(r -> r.has("published"), Duration.ofSeconds(30), "publishing data");

        DataPacket received = atBot.poll(30, TimeUnit.SECONDS);
        assertTrue(received != null, "the room got no data from the browser\n" + browser.log());
        assertEquals("browser", received.participantIdentity());
        var forwarded = assertInstanceOf(DataMessage.Forwarded.class, received.value());
        var packet = LivekitModels.DataPacket.parseFrom(forwarded.packet());
        assertEquals("browser", packet.getParticipantIdentity());
        assertEquals(received.participantSid(), packet.getParticipantSid());
        assertEquals("hello from the browser", packet.getUser().getPayload().toStringUtf8());
        assertEquals("browser", packet.getUser().getTopic());

        bot.publishData(new DataMessage.User("hello from the room".getBytes(StandardCharsets.UTF_8), "room"),
            DataPacket.Kind.RELIABLE, List.of("browser"));
        JsonNode data = page.await(r -> r.has("data"), Duration.ofSeconds(30), "receiving data").get("data");
        assertEquals("hello from the room", data.get("text").asText(), data.toString());
        assertEquals("bot", data.get("from").asText(), data.toString());
        assertEquals("room", data.get("topic").asText(), data.toString());
      } finally {
        bot.leave(io.switchboard.sfu.room.DisconnectReason.CLIENT_INITIATED);
      }
    }
  }

  private static String token() {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.setIdentity("browser");
    token.addGrants(new RoomJoin(true), new RoomName(ROOM), new CanPublish(true), new CanSubscribe(true));
    return token.toJwt();
  }
}
