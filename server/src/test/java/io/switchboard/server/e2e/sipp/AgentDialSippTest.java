package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.phone.DialOptions;
import io.switchboard.agent.phone.DialResult;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent places calls from its session's phone control (what its tools call): into its own
 * room through the first outbound trunk or one named by id, answered, busy, or refused before
 * any INVITE. SIPp plays the inbound caller and the callees.
 */
class AgentDialSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String CALLEE = "+14155550199";
  private static final String ROOM = "front";

  @TempDir Path dir;
  private RunningSwitchboard server;
  private Dialing dialing;
  private final CompletableFuture<AgentSession> session = new CompletableFuture<>();

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    server = new RunningSwitchboard(dir, c -> c.withAgents(Map.of("front-desk", "com.example.FrontDesk")));
    dialing = new Dialing(server);
    server.server().agents().dispatcher().addListener(event -> {
      if (event instanceof AgentDispatchEvent.Starting starting) {
        session.complete(starting.session());
      }
    });
    String trunk = new Provisioning(server).inboundTrunk("carrier", List.of(CALLED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    var rule = new CreateSipDispatchRuleOptions();
    rule.setTrunkIds(List.of(trunk));
    rule.setRoomConfig(RoomConfiguration.newBuilder()
        .addAgents(RoomAgentDispatch.newBuilder().setAgentName("front-desk")).build());
    var created = SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET)
        .createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), rule).execute();
    assertTrue(created.isSuccessful(), created.toString());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theAgentDialsIntoItsRoomAndHearsBusyAsAFailureWithTheSipStatus() throws Exception {
    RoomWatch rooms = new RoomWatch(server.server().rooms());
    Sipp.Run caller = Sipp.start("wait_for_our_bye.xml", server.sipPort(), Map.of("CALLER", CALLER, "CALLED", CALLED));
    Sipp.Run answering = Sipp.start("outbound_answer.xml", server.sipPort(), Map.of("RING_MS", "500"));
    Sipp.Run busy = Sipp.start("outbound_busy.xml", server.sipPort(), Map.of());
    try {
      rooms.awaitParticipant(ROOM, "sip_" + CALLER, "answered", RoomWatch.Ready.callStatus("active"));
      AgentSession agent = session.get(30, TimeUnit.SECONDS);
      var noTrunk = assertThrows(IllegalArgumentException.class, () -> agent.phone().dial(CALLEE));
      assertTrue(noTrunk.getMessage().contains("no outbound trunk is configured"), noTrunk.getMessage());
      dialing.trunk(answering.sipPort(), ""); // the first trunk
      String busyTrunk = dialing.trunk(busy.sipPort(), "");

      DialResult answered = agent.phone().dial(CALLEE, DialOptions.DEFAULT.withIdentity("colleague"));
      assertEquals(new DialResult.Answered("colleague"), answered);
      assertEquals("active", server.server().rooms().room(ROOM).orElseThrow().participant("colleague").orElseThrow()
          .attributes().get("sip.callStatus"), "in the agent's room");

      DialResult refused = agent.phone().dial(CALLEE, DialOptions.DEFAULT.withTrunk(busyTrunk)
          .withRingingTimeout(Duration.ofSeconds(20)));
      assertEquals(new DialResult.Failed(486, "486 Busy Here"), refused);
      rooms.awaitLeft(ROOM, "sip_" + CALLEE);
      var unknown = assertThrows(IllegalArgumentException.class,
          () -> agent.phone().dial(CALLEE, DialOptions.DEFAULT.withTrunk("ST_nope")));
      assertTrue(unknown.getMessage().contains("ST_nope"), unknown.getMessage());

      agent.phone().hangUp("colleague"); // hang-up from a tool reaches outbound legs too: our BYE
      Sipp.Result result = answering.await();
      assertTrue(result.passed(), result.describe());
      assertTrue(busy.await().passed());
      assertTrue(server.server().rooms().room(ROOM).orElseThrow().remove("sip_" + CALLER,
          DisconnectReason.PARTICIPANT_REMOVED));
      assertTrue(caller.await().passed());
    } finally {
      caller.kill();
      answering.kill();
      busy.kill();
    }
  }
}
