package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.WebhookReceiver;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * livekit-client 2.x in headless Chromium (its fake microphone playing 440 Hz) joins room A, where
 * someone plays 600 Hz; the Java SDK's {@code RoomServiceClient.moveParticipant} moves it to room
 * B, where someone plays 1000 Hz. The page keeps its connections and gets RoomEvent.Moved with
 * B's name (LiveKit's RoomMovedResponse); then it hears B's tone on B's track, B hears the
 * browser, A hears it no more, ListParticipants shows it in B only, and the webhooks tell of it
 * leaving A and joining B.
 */
class BrowserMovedBetweenRoomsTest {
  private static final double BROWSER_TONE = 440;
  private static final double ROOM_A_TONE = 600;
  private static final double ROOM_B_TONE = 1000;

  @TempDir Path dir;
  private HttpServer receiver;
  private RunningSwitchboard server;
  private final BlockingQueue<WebhookEvent> webhooks = new LinkedBlockingQueue<>();
  private final List<RoomEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    boolean tools = Chromium.installed() && BrowserPage.clientInstalled();
    assumeTrue(tools || System.getenv("CI") != null, "chromium or livekit-client is not installed");
    WebhookReceiver verifier = new WebhookReceiver(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      webhooks.add(verifier.receive(body, exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    server = RunningSwitchboard.withWebhook(dir.resolve("data"),
        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    server.server().rooms().addListener(events::add);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void theBrowserIsMovedWithItsConnectionsAndTalksInTheNewRoom() throws Exception {
    RoomManager rooms = server.server().rooms();
    RoomServiceClient roomService =
        RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    Path browserTone = dir.resolve("browser.wav");
    WavFile.mono(48000, ToneGenerator.tone(BROWSER_TONE, 8000, 48000, 48000 * 60)).write(browserTone);

    try (RoomHost inA = RoomHost.join(rooms, "room-a", ROOM_A_TONE, BROWSER_TONE, 25);
        RoomHost inB = RoomHost.join(rooms, "room-b", ROOM_B_TONE, BROWSER_TONE, 50);
        BrowserPage page = new BrowserPage();
        Chromium browser = new Chromium(dir.resolve("chromium"), browserTone, page.address(Map.of(
            "url", server.url().replaceFirst("^http", "ws"),
            "token", browserToken("room-a"),
            "holdMs", "60000",
            "listenMs", "3000")), List.of())) {
      // The page reports what it hears as it comes, maybe before it reports being connected: keep it.
      List<JsonNode> early = new ArrayList<>();
      JsonNode joined = page.await(r -> {
        if (r.has("heard")) {
          early.add(r);
        }
        return r.has("connected");
      }, Duration.ofSeconds(40), "connecting");
      assertTrue(joined.get("connected").asBoolean(), "the browser could not connect: " + joined + "\n" + browser.log());
      String mic = joined.get("tracks").get(0).get("sid").asText();
      String trackA = rooms.room("room-a").orElseThrow().participant("host").orElseThrow().tracks().getFirst().sid();
      String trackB = rooms.room("room-b").orElseThrow().participant("host").orElseThrow().tracks().getFirst().sid();
      JsonNode heardA = (early.isEmpty()
          ? page.await(r -> r.has("heard"), Duration.ofSeconds(30), "hearing room a") : early.getFirst()).get("heard");
      assertEquals(trackA, heardA.get("track").asText(), heardA.toString());
      assertTrue(Math.abs(heardA.get("hz").asDouble() - ROOM_A_TONE) < 20, "the browser hears room a: " + heardA);
      assertTrue(inA.awaitHeard(Duration.ofSeconds(20)), "room a hears the browser\n" + browser.log());
      String sidInA = joined.get("sid").asText();

      ok(roomService.moveParticipant("room-a", "browser", "room-b").execute());
      int heardInA = inA.framesHeard();

      JsonNode moved = page.await(r -> r.has("moved"), Duration.ofSeconds(20), "RoomEvent.Moved").get("moved");
      assertEquals("room-b", moved.get("room").asText(), moved.toString());
      assertEquals("room-b", moved.get("roomName").asText(), "room.name follows the move: " + moved);
      String sidInB = rooms.room("room-b").orElseThrow().participant("browser").orElseThrow().sid();
      assertEquals(sidInB, moved.get("sid").asText(), "the page knows its new participant sid: " + moved);
      assertTrue(!sidInB.equals(sidInA), "a new participant sid in the new room, as LiveKit gives");
      assertEquals("[{\"identity\":\"host\",\"sid\":\""
              + rooms.room("room-b").orElseThrow().participant("host").orElseThrow().sid()
              + "\",\"tracks\":[\"" + trackB + "\"]}]", moved.get("remotes").toString(),
          "the page lists room b's host and nobody of room a");
      assertEquals("[\"" + mic + "\"]", moved.get("tracks").toString(), "the microphone kept its sid: " + moved);

      JsonNode heardB = page.await(r -> r.has("heard"), Duration.ofSeconds(30), "hearing room b").get("heard");
      assertEquals(trackB, heardB.get("track").asText(), "the next track the page receives is room b's: " + heardB);
      assertTrue(Math.abs(heardB.get("hz").asDouble() - ROOM_B_TONE) < 20, "the browser hears room b: " + heardB);
      assertTrue(inB.awaitHeard(Duration.ofSeconds(20)), "room b hears the browser after the move\n" + browser.log());
      int heardInAAfter = inA.framesHeard();
      assertTrue(heardInAAfter <= heardInA + 2,
          "room a stopped hearing the browser: " + heardInA + " frames at the move, " + heardInAAfter + " later");

      assertEquals(List.of("host"), identities(ok(roomService.listParticipants("room-a").execute())));
      assertEquals(List.of("browser", "host"),
          identities(ok(roomService.listParticipants("room-b").execute())).stream().sorted().toList());
      LivekitModels.ParticipantInfo inRoomB = ok(roomService.getParticipant("room-b", "browser").execute());
      assertEquals("Browser", inRoomB.getName());
      assertEquals(List.of(mic), inRoomB.getTracksList().stream().map(LivekitModels.TrackInfo::getSid).toList());
    }
    assertLeftAAndJoinedB();
  }

  private void assertLeftAAndJoinedB() throws InterruptedException {
    boolean left = false;
    boolean joined = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(left && joined) && System.nanoTime() < deadline) {
      WebhookEvent e = webhooks.poll(100, TimeUnit.MILLISECONDS);
      if (e == null || !e.getParticipant().getIdentity().equals("browser")) {
        continue;
      }
      left |= e.getEvent().equals("participant_left") && e.getRoom().getName().equals("room-a");
      joined |= e.getEvent().equals("participant_joined") && e.getRoom().getName().equals("room-b");
    }
    assertTrue(left, "webhook participant_left for room-a");
    assertTrue(joined, "webhook participant_joined for room-b");
    assertTrue(events.stream().anyMatch(e -> e instanceof RoomEvent.ParticipantLeft l
        && l.room().name().equals("room-a") && l.participant().identity().equals("browser")
        && l.reason() == DisconnectReason.MIGRATION), "left room a for MIGRATION");
  }

  private static List<String> identities(List<LivekitModels.ParticipantInfo> participants) {
    List<String> out = new ArrayList<>();
    participants.forEach(p -> out.add(p.getIdentity()));
    return out;
  }

  private static String browserToken(String room) {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.setIdentity("browser");
    token.setName("Browser");
    token.addGrants(new RoomJoin(true), new RoomName(room), new CanPublish(true), new CanSubscribe(true));
    return token.toJwt();
  }
}
