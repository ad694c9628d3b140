package io.switchboard.server.api;

import static io.switchboard.server.api.SdkCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.WebhookReceiver;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running Switchboard POSTs a room's life as webhooks to a receiver in this test; LiveKit's own
 * receivers (the Java SDK's here, the Node SDK's through {@code verify-webhooks.mjs}) verify them.
 * The receiver answers the very first POST 503, so that event arrives by retry.
 */
class WebhookDeliveryTest {
  private static final List<String> A_ROOMS_LIFE =
      List.of("room_started", "participant_joined", "track_published", "track_unpublished",
          "participant_left", "room_finished");

  /** One POST the receiver answered 200. */
  record Received(byte[] body, String authorization, String contentType, String userAgent) {}

  @TempDir Path data;
  private HttpServer receiver;
  private final BlockingQueue<Received> delivered = new LinkedBlockingQueue<>();
  private final AtomicInteger posts = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/livekit/webhook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = posts.incrementAndGet() == 1 ? 503 : 200;
      if (status == 200) {
        delivered.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("User-Agent")));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  /** Creates a room, lets a caller join, publish, get removed, and deletes the room. */
  private List<Received> aRoomsLife() throws Exception {
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/livekit/webhook");
    try (RunningSwitchboard server = RunningSwitchboard.withWebhook(data, url)) {
      RoomServiceClient client =
          RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      ok(client.createRoom("support"));
      LocalParticipant caller = server.server().rooms().getOrCreate("support", RoomOptions.UNSET)
          .join(new ParticipantSpec("sip_+15105550100", "Caller", ParticipantKind.SIP, "", Map.of()),
              ParticipantListener.NONE);
      caller.publishAudio("phone", new Silence());
      ok(client.removeParticipant("support", "sip_+15105550100"));
      ok(client.deleteRoom("support"));

      List<Received> got = new ArrayList<>();
      for (int i = 0; i < A_ROOMS_LIFE.size(); i++) {
        Received r = delivered.poll(30, TimeUnit.SECONDS);
        assertNotNull(r, "webhook " + (i + 1) + " (" + A_ROOMS_LIFE.get(i) + ") did not arrive; got " + got.size());
        got.add(r);
      }
      return got;
    }
  }

  @Test
  void javaSdkReceiverVerifiesEveryWebhookInOrder() throws Exception {
    List<Received> got = aRoomsLife();
    WebhookReceiver verifier = new WebhookReceiver(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);

    List<WebhookEvent> events = new ArrayList<>();
    for (Received r : got) {
      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertEquals("application/webhook+json", r.contentType());
      assertEquals("LiveKit", r.userAgent());
      assertFalse(r.authorization().startsWith("Bearer"), "LiveKit sends the bare token");
      events.add(verifier.receive(body, r.authorization()));
      assertThrows(Exception.class, () -> verifier.receive(body.replace("}", " }"), r.authorization()),
          "a changed body must not verify");
    }

    assertEquals(A_ROOMS_LIFE, events.stream().map(WebhookEvent::getEvent).toList());
    assertEquals(7, posts.get(), "six events, the first of them twice (503, then retried)");
    assertEquals(6, events.stream().map(WebhookEvent::getId).distinct().count());
    assertTrue(events.stream().allMatch(e -> e.getId().matches("EV_[0-9A-Za-z]{12}")));
    assertTrue(events.stream().allMatch(e -> e.getRoom().getName().equals("support")));
    assertEquals("sip_+15105550100", events.get(1).getParticipant().getIdentity());
    assertEquals(events.get(2).getTrack().getSid(), events.get(3).getTrack().getSid());
    assertEquals(livekit.LivekitModels.DisconnectReason.PARTICIPANT_REMOVED,
        events.get(4).getParticipant().getDisconnectReason());
    assertEquals(events.get(0).getRoom().getSid(), events.get(5).getRoom().getSid());
  }

  @Test
  void nodeSdkReceiverVerifiesEveryWebhookInOrder() throws Exception {
    NodeScript.assumeInstalled();
    List<Received> got = aRoomsLife();
    Path dir = Files.createDirectories(data.resolve("webhooks"));
    for (int i = 0; i < got.size(); i++) {
      Files.write(dir.resolve("%02d.body".formatted(i)), got.get(i).body());
      Files.writeString(dir.resolve("%02d.auth".formatted(i)), got.get(i).authorization());
    }

    String output = NodeScript.run("verify-webhooks.mjs", Map.of(
        "LIVEKIT_API_KEY", RunningSwitchboard.API_KEY,
        "LIVEKIT_API_SECRET", RunningSwitchboard.API_SECRET,
        "WEBHOOK_DIR", dir.toString()), data.resolve("node.log"));

    JsonNode events = new ObjectMapper().readTree(output.lines().filter(l -> l.startsWith("{")).findFirst()
        .orElseThrow(() -> new AssertionError("no JSON line in:\n" + output))).get("events");
    List<String> names = new ArrayList<>();
    events.forEach(e -> names.add(e.get("event").asText()));
    assertEquals(A_ROOMS_LIFE, names);
    assertEquals("sip_+15105550100", events.get(1).get("participant").asText());
    assertTrue(events.get(2).get("track").asText().startsWith("TR_"), events.toString());
    assertTrue(Long.parseLong(events.get(0).get("createdAt").asText()) > 0);
  }

  private static final class Silence implements AudioSource {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      return false;
    }
  }
}
