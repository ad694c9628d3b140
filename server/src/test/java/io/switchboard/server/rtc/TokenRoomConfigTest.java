package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token's {@code roomConfig} (LiveKit's RoomConfiguration claim) applies when its join creates
 * the room: the agents it names are dispatched and the client sees them join; a join into a room
 * that exists dispatches nothing; a configuration naming an unknown agent creates nothing.
 */
class TokenRoomConfigTest {
  @TempDir Path data;
  private RunningSwitchboard server;
  private final TokenIssuer issuer =
      new TokenIssuer(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET, Clock.systemUTC());

  @BeforeEach
  void start() throws Exception {
    server = new RunningSwitchboard(data, c -> c.withAgents(Map.of("ticket-desk", "com.example.TicketDesk")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theFirstJoinDispatchesTheTokensAgentsAndLaterJoinsDoNot() throws Exception {
    String ws = server.url().replaceFirst("^http", "ws") + "/rtc?protocol=17&access_token=";
    try (SignalClient ada = SignalClient.connect(ws + token("ada", "help", "ticket-desk")).join()) {
      assertTrue(ada.next().hasJoin());
      SignalResponse agentJoined = ada.next(r -> r.hasUpdate()
          && r.getUpdate().getParticipantsList().stream().anyMatch(p -> p.getKind() == ParticipantInfo.Kind.AGENT));
      ParticipantInfo agent = agentJoined.getUpdate().getParticipantsList().stream()
          .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT).findFirst().orElseThrow();
      assertTrue(agent.getIdentity().startsWith("agent-"), agent.toString());

      try (SignalClient bob = SignalClient.connect(ws + token("bob", "help", "ticket-desk")).join()) {
        SignalResponse join = bob.next();
        assertEquals(1, join.getJoin().getOtherParticipantsList().stream()
            .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT).count(), join.toString());
        assertEquals(1, server.server().agents().dispatcher().list("help").size(),
            "the room existed: bob's roomConfig must not dispatch a second agent");
      }
    }
  }

  @Test
  void anUnknownAgentRefusesTheJoinAndCreatesNoRoom() throws Exception {
    String ws = server.url().replaceFirst("^http", "ws") + "/rtc?protocol=17&access_token=";
    try (SignalClient eve = SignalClient.connect(ws + token("eve", "nowhere", "no-such-agent")).join()) {
      SignalResponse first = eve.next();
      assertTrue(first.hasLeave(), "expected a leave, got " + first);
    }
    assertFalse(server.server().rooms().room("nowhere").isPresent(), "no room for a refused configuration");
  }

  private String token(String identity, String room, String agentName) {
    var config = RoomConfiguration.newBuilder()
        .addAgents(RoomAgentDispatch.newBuilder().setAgentName(agentName).setMetadata("from " + identity))
        .build();
    var grants = ClaimGrants.builder().identity(identity).name(identity)
        .video(VideoGrant.builder().roomJoin(true).room(room).build())
        .roomConfig(config)
        .build();
    return issuer.issue(grants, Duration.ofMinutes(5));
  }
}
