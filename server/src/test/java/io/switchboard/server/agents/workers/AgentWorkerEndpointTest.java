package io.switchboard.server.agents.workers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.server.http.HttpExchange;
import io.switchboard.server.http.WebSocketHandler;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who may connect to {@code /agent}: as LiveKit, a valid token with the {@code video.agent} grant. */
class AgentWorkerEndpointTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
  private final TokenIssuer issuer = new TokenIssuer("devkey", "secret", CLOCK);
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(CLOCK, ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));
  private final AgentWorkerEndpoint endpoint = new AgentWorkerEndpoint(
      new TokenVerifier(Map.of("devkey", "secret"), CLOCK),
      new WorkerPool(rooms, new JobTokens(issuer), (delay, task) -> () -> { }, new SplittableRandom(1), CLOCK,
          Duration.ofSeconds(5), Duration.ofSeconds(30)));

  @AfterEach
  void stop() {
    rooms.close();
    ticks.shutdownNow();
  }

  @Test
  void aTokenWithTheAgentGrantConnectsByHeaderOrQuery() {
    String token = token(VideoGrant.builder().agent(true).build());
    assertInstanceOf(WebSocketHandler.Accept.class, endpoint.upgrade(request("", "Bearer " + token)));
    assertInstanceOf(WebSocketHandler.Accept.class, endpoint.upgrade(request("access_token=" + token, null)));
  }

  @Test
  void aTokenWithoutTheAgentGrantIsRefusedWith401() {
    String roomAdmin = token(VideoGrant.builder().roomAdmin(true).roomJoin(true).room("r").build());
    var refused = assertInstanceOf(WebSocketHandler.Refuse.class, endpoint.upgrade(request("", "Bearer " + roomAdmin)));
    assertEquals(401, refused.reply().status());
    assertTrue(body(refused).contains("video.agent"), body(refused));
  }

  @Test
  void noTokenOrABadOneIsRefusedWith401() {
    var none = assertInstanceOf(WebSocketHandler.Refuse.class, endpoint.upgrade(request("", null)));
    assertEquals(401, none.reply().status());
    String wrongSecret = new TokenIssuer("devkey", "not-the-secret", CLOCK).issue(
        ClaimGrants.builder().identity("w").video(VideoGrant.builder().agent(true).build()).build(), Duration.ofHours(1));
    var bad = assertInstanceOf(WebSocketHandler.Refuse.class, endpoint.upgrade(request("", "Bearer " + wrongSecret)));
    assertEquals(401, bad.reply().status());
  }

  private String token(VideoGrant video) {
    return issuer.issue(ClaimGrants.builder().identity("worker").video(video).build(), Duration.ofHours(1));
  }

  private static HttpExchange request(String query, String authorization) {
    Map<String, String> headers = authorization == null ? Map.of() : Map.of("authorization", authorization);
    return new HttpExchange("GET", "/agent", query, headers, new byte[0]);
  }

  private static String body(WebSocketHandler.Refuse refused) {
    return new String(refused.reply().body(), StandardCharsets.UTF_8);
  }
}
