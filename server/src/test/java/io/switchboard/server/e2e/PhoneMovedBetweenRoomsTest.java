package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.livekit.server.WebhookReceiver;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real phone (baresip, playing 440 Hz) calls into room A, where someone plays 600 Hz; the Java
 * SDK's {@code RoomServiceClient.moveParticipant} moves it to room B, where someone plays
 * 1000 Hz. The call stays up on the same dialog: room B hears the phone, the phone hears room B,
 * room A hears it no more, and the webhooks tell of it leaving A and joining B.
 */
class PhoneMovedBetweenRoomsTest {
  private static final String NUMBER = "+15550142";
  private static final double CALLER_TONE = 440;
  private static final double ROOM_A_TONE = 600;
  private static final double ROOM_B_TONE = 1000;

  @TempDir Path dir;
  private HttpServer receiver;
  private RunningSwitchboard server;
  private final BlockingQueue<WebhookEvent> webhooks = new LinkedBlockingQueue<>();
  private final List<RoomEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
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
    receiver.stop(0);
  }

  @Test
  void theCallerTalksOnInTheDestinationRoomWithTheSameCall() throws Exception {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    var trunk = ok(sip.createSipInboundTrunk("loopback", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("room-a", ""), ruleOptions).execute());
    RoomServiceClient roomService =
        RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);

    RoomManager rooms = server.server().rooms();
    Path wav = dir.resolve("caller.wav");
    WavFile.mono(8000, ToneGenerator.tone(CALLER_TONE, 8000, 8000, 8000 * 20)).write(wav);
    try (RoomHost inA = RoomHost.join(rooms, "room-a", ROOM_A_TONE, CALLER_TONE, 25);
        RoomHost inB = RoomHost.join(rooms, "room-b", ROOM_B_TONE, CALLER_TONE, 50);
        Baresip phone = new Baresip(dir.resolve("phone"), "carol", FreePorts.pair(), wav)) {
      phone.dial("sip:" + NUMBER + "@127.0.0.1:" + server.sipPort(), Duration.ofSeconds(12));
      assertTrue(inA.awaitHeard(Duration.ofSeconds(20)), "room a hears the caller\n" + phone.log());
      ParticipantInfo before = caller(rooms, "room-a");
      assertEquals(1, activeSipCalls());

      ok(roomService.moveParticipant("room-a", before.identity(), "room-b").execute());
      int heardInA = inA.framesHeard();
      assertTrue(inB.awaitHeard(Duration.ofSeconds(10)), "room b hears the caller after the move");
      int heardInAAfter = inA.framesHeard();

      ParticipantInfo after = caller(rooms, "room-b");
      assertTrue(rooms.room("room-a").orElseThrow().participants().stream()
          .noneMatch(p -> p.identity().equals(before.identity())), "room a no longer has the caller");
      assertEquals(before.attributes().get("sip.callID"), after.attributes().get("sip.callID"), "the same call");
      assertEquals(1, activeSipCalls(), "still one SIP call: the dialog went on");
      assertTrue(heardInAAfter <= heardInA + 2,
          "room a stopped hearing the caller: " + heardInA + " frames at the move, " + heardInAAfter + " later");
      assertTrue(phone.awaitExit(Duration.ofSeconds(30)), "the phone did not finish");

      Heard heard = new Heard(WavFile.read(phone.heard()));
      int roomA = heard.firstMillisWith(ROOM_A_TONE);
      int roomB = heard.firstMillisWith(ROOM_B_TONE);
      System.out.println("moved phone heard room a from " + roomA + " ms, room b from " + roomB + " ms; "
          + heard.lastsFrom(roomB, ROOM_B_TONE) + " ms of room b; " + heard.describe());
      assertTrue(roomA >= 0 && roomB > roomA, "the phone heard room a, then room b\n" + heard.describe());
      assertEquals(0, heard.lastsFrom(roomB + 200, ROOM_A_TONE), "nothing of room a after the move\n" + heard.describe());
      assertTrue(heard.lastsFrom(roomB, ROOM_B_TONE) > 4000, "room b until the phone hung up\n" + heard.describe());
      assertEquals(0, heard.lastsFrom(0, CALLER_TONE), "never its own voice\n" + heard.describe());
    }
    assertLeftAAndJoinedB();
  }

  private void assertLeftAAndJoinedB() throws InterruptedException {
    boolean left = false;
    boolean joined = false;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(left && joined) && System.nanoTime() < deadline) {
      WebhookEvent e = webhooks.poll(100, TimeUnit.MILLISECONDS);
      if (e == null || !e.getParticipant().getIdentity().startsWith("sip_")) {
        continue;
      }
      left |= e.getEvent().equals("participant_left") && e.getRoom().getName().equals("room-a");
      joined |= e.getEvent().equals("participant_joined") && e.getRoom().getName().equals("room-b");
    }
    assertTrue(left, "webhook participant_left for room-a");
    assertTrue(joined, "webhook participant_joined for room-b");
    assertTrue(events.stream().anyMatch(e -> e instanceof RoomEvent.ParticipantLeft l
        && l.room().name().equals("room-a") && l.participant().kind() == ParticipantKind.SIP
        && l.reason() == DisconnectReason.MIGRATION), "left room a for MIGRATION");
  }

  private static ParticipantInfo caller(RoomManager rooms, String room) {
    return rooms.room(room).orElseThrow().participants().stream()
        .filter(p -> p.kind() == ParticipantKind.SIP).findFirst()
        .orElseThrow(() -> new AssertionError("no SIP participant in " + room));
  }

  private int activeSipCalls() throws Exception {
    HttpResponse<String> metrics = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    return metrics.body().lines().filter(l -> l.startsWith("switchboard_sip_calls_active "))
        .map(l -> (int) Double.parseDouble(l.substring(l.indexOf(' ') + 1).trim())).findFirst()
        .orElseThrow(() -> new AssertionError("no switchboard_sip_calls_active in\n" + metrics.body()));
  }
}
