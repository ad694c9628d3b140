package io.switchboard.sfu.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VerifiedToken;
import io.switchboard.protocol.webhook.WebhookSigner;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;

class WebhookQueueTest {
  private static final URI URL = URI.create("http://hooks.example.com/livekit");

  private final FakeTime time = new FakeTime();
  private final ManualExecutor deliveries = new ManualExecutor();
  private final ScriptedTransport transport = new ScriptedTransport();

  private WebhookQueue queue(WebhookPolicy policy) {
    var signer = new WebhookSigner(new TokenIssuer("APIkey1", "a-secret-of-32-bytes-or-so-12345", time));
    return new WebhookQueue(URL, signer, transport, deliveries, time, time, policy);
  }

  private WebhookQueue queue() {
    return queue(WebhookPolicy.DEFAULTS);
  }

  private static WebhookEvent event(String id, String room) {
    return WebhookEvent.newBuilder()
        .setEvent("room_started")
        .setId(id)
        .setCreatedAt(1767225600)
        .setRoom(LivekitModels.Room.newBuilder().setName(room).setSid("RM_" + room))
        .build();
  }

  @Test
  void postsTheEventSignedAsLiveKitDoes() throws Exception {
    WebhookQueue q = queue();
    q.offer("lobby", event("EV_1", "lobby"));
    deliveries.runAll();

    ScriptedTransport.Post post = transport.posts.getFirst();
    assertEquals(URL, post.url());
    assertEquals("application/webhook+json", post.webhook().contentType());
    assertFalse(post.webhook().authorization().startsWith("Bearer"), "LiveKit sends the bare token");
    VerifiedToken token =
        new TokenVerifier(Map.of("APIkey1", "a-secret-of-32-bytes-or-so-12345"), time)
            .verify(post.webhook().authorization());
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(post.webhook().body());
    assertEquals(Base64.getEncoder().encodeToString(digest), token.grants().sha256());
    assertEquals(event("EV_1", "lobby"), post.event());
    assertEquals(1, q.delivered());
    assertEquals(0, q.waiting());
  }

  @Test
  void retriesAfterOneSecondThenTwoThenDelivers() {
    transport.answer(503, -1, 200);
    WebhookQueue q = queue();
    q.offer("lobby", event("EV_1", "lobby"));
    deliveries.runAll();
    assertEquals(1, transport.posts.size());

    time.advance(Duration.ofMillis(999));
    deliveries.runAll();
    assertEquals(1, transport.posts.size(), "no retry before the first delay is over");
    time.advance(Duration.ofMillis(1));
    deliveries.runAll();
    assertEquals(2, transport.posts.size(), "retried after 1 s");

    time.advance(Duration.ofMillis(1999));
    deliveries.runAll();
    assertEquals(2, transport.posts.size(), "the second delay is 2 s");
    time.advance(Duration.ofMillis(1));
    deliveries.runAll();

    assertEquals(List.of("EV_1", "EV_1", "EV_1"), transport.ids());
    assertEquals(1, q.delivered());
    assertEquals(0, q.droppedTotal());
  }

  @Test
  void givesUpAfterMaxAttemptsAndTellsTheNextDeliveryHowManyWereDropped() {
    transport.answer(500, 500, 500);
    WebhookQueue q = queue(new WebhookPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofMinutes(1), 100, Duration.ofSeconds(10)));
    q.offer("lobby", event("EV_1", "lobby"));
    q.offer("lobby", event("EV_2", "lobby"));
    deliveries.runAll();
    time.advance(Duration.ofSeconds(1));
    deliveries.runAll();
    time.advance(Duration.ofSeconds(2));
    deliveries.runAll();

    assertEquals(List.of("EV_1", "EV_1", "EV_1", "EV_2"), transport.ids());
    assertEquals(0, transport.posts.get(2).event().getNumDropped());
    assertEquals(1, transport.posts.get(3).event().getNumDropped());
    assertEquals(1, q.droppedTotal());
    assertEquals(1, q.delivered());
    assertEquals(0, time.pendingTimers());
  }

  @Test
  void aRefusalIsNotRetried() {
    transport.answer(400, 501);
    WebhookQueue q = queue();
    q.offer("lobby", event("EV_1", "lobby"));
    q.offer("lobby", event("EV_2", "lobby"));
    q.offer("lobby", event("EV_3", "lobby"));
    deliveries.runAll();

    assertEquals(List.of("EV_1", "EV_2", "EV_3"), transport.ids());
    assertEquals(0, time.pendingTimers());
    assertEquals(2, q.droppedTotal());
    assertEquals(2, transport.posts.get(2).event().getNumDropped());
  }

  @Test
  void keepsOrderWithinARoomWhileOtherRoomsGoOn() {
    transport.answer(503);
    WebhookQueue q = queue();
    q.offer("a", event("EV_a1", "a"));
    q.offer("a", event("EV_a2", "a"));
    q.offer("b", event("EV_b1", "b"));
    deliveries.runAll();
    assertEquals(List.of("EV_a1", "EV_b1"), transport.ids(), "a2 waits for a1; b1 does not");

    time.advance(Duration.ofSeconds(1));
    deliveries.runAll();

    assertEquals(List.of("EV_a1", "EV_b1", "EV_a1", "EV_a2"), transport.ids());
    assertEquals(3, q.delivered());
  }

  @Test
  void aFullQueueDropsTheNewEventAndCountsIt() {
    WebhookQueue q = queue(new WebhookPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
        Duration.ofSeconds(30), 2, Duration.ofSeconds(10)));
    assertTrue(q.offer("a", event("EV_1", "a")));
    assertTrue(q.offer("b", event("EV_2", "b")));
    assertFalse(q.offer("a", event("EV_3", "a")), "the third event does not fit");
    assertEquals(1, q.droppedTotal());
    deliveries.runAll();

    assertEquals(List.of("EV_1", "EV_2"), transport.ids());
    assertEquals(1, transport.posts.get(0).event().getNumDropped());
    assertTrue(q.offer("a", event("EV_4", "a")), "room again once delivered");
  }

  @Test
  void anEventThatWaitedLongerThanMaxAgeIsDropped() {
    transport.answer(503, 503);
    WebhookQueue q = queue(new WebhookPolicy(5, Duration.ofSeconds(4), Duration.ofSeconds(30),
        Duration.ofSeconds(5), 100, Duration.ofSeconds(10)));
    q.offer("a", event("EV_1", "a"));
    q.offer("a", event("EV_2", "a"));
    deliveries.runAll();
    time.advance(Duration.ofSeconds(4));
    deliveries.runAll();
    time.advance(Duration.ofSeconds(8));
    deliveries.runAll();

    assertEquals(List.of("EV_1", "EV_1", "EV_1"), transport.ids(), "EV_2 waited 12 s, max_age is 5 s");
    assertEquals(1, q.droppedTotal());
    q.offer("a", event("EV_3", "a"));
    deliveries.runAll();
    assertEquals("EV_3", transport.posts.getLast().event().getId());
    assertEquals(1, transport.posts.getLast().event().getNumDropped());
  }

  @Test
  void closeForgetsWaitingEventsAndPendingRetries() {
    transport.answer(503);
    WebhookQueue q = queue();
    q.offer("a", event("EV_1", "a"));
    deliveries.runAll();
    q.offer("a", event("EV_2", "a"));
    q.close();
    time.advance(Duration.ofMinutes(1));
    deliveries.runAll();

    assertEquals(List.of("EV_1"), transport.ids());
    assertFalse(q.offer("a", event("EV_3", "a")));
  }

  @Test
  void retryDelaysDoubleUpToTheCap() {
    WebhookPolicy p = WebhookPolicy.DEFAULTS;
    assertEquals(
        List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
        List.of(1, 2, 3, 4, 5, 6, 7).stream().map(a -> p.retryDelay(a).toSeconds()).toList());
  }
}
