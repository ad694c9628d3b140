package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent transfers the caller from a tool: the README's FrontDesk agent answers a SIPp carrier,
 * the caller asks for a person, and the agent's transfer_to_human tool sends REFER through its
 * session's phone control; the carrier carries it out and our leg hangs up.
 */
class AgentTransferSippTest {
  private static final String CALLER = "+14155550123";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "front";
  private static final String IDENTITY = "sip_" + CALLER;

  @TempDir Path dir;
  private RunningSwitchboard server;
  private final CompletableFuture<AgentSession> session = new CompletableFuture<>();
  private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    server = new RunningSwitchboard(dir, c -> c.withAgents(Map.of("front-desk", "com.example.FrontDesk")));
    server.server().agents().dispatcher().addListener(event -> {
      if (event instanceof AgentDispatchEvent.Starting starting) {
        starting.session().addListener(events::add);
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
  void theAgentsToolTransfersTheCallerAndTheCallEnds() throws Exception {
    RoomWatch rooms = new RoomWatch(server.server().rooms());
    Sipp.Run carrier = Sipp.start("refer_accepted.xml", server.sipPort(), Map.of("CALLER", CALLER, "CALLED", CALLED,
        "REFER_TO", "sip:\\+15105550111@127\\.0\\.0\\.1;user=phone"));
    try {
      rooms.awaitParticipant(ROOM, IDENTITY, "answered once the agent listens", RoomWatch.Ready.callStatus("active"));
      AgentSession agent = session.get(20, TimeUnit.SECONDS);
      assertEquals(List.of(IDENTITY), agent.phone().callers());

      agent.replyToUser("Can I talk to a person please?"); // what the caller said, as STT would give it

      AgentEvent.ToolExecuted tool = nextTool();
      assertEquals("transfer_to_human", tool.call().name());
      // The transfer's success hangs the caller up, and the agent's session closes with the empty
      // room: that may come before the tool's return is recorded, and then says so.
      switch (tool.outcome()) {
        case ToolOutcome.Output done -> assertEquals("transferred to tel:+15105550111", done.output());
        case ToolOutcome.Cancelled cancelled -> assertEquals(
            ToolOutcome.Cancelled.sessionClosed("transfer_to_human"), cancelled, () -> "events: " + seen);
        default -> throw new AssertionError(tool + "\nevents: " + seen);
      }
      Sipp.Result sipp = carrier.await(); // REFER with the header, NOTIFYs answered, then our BYE
      assertTrue(sipp.passed(), sipp.describe());
      assertEquals("hangup", rooms.awaitLeft(ROOM, IDENTITY).participant().attributes().get("sip.callStatus"));
    } finally {
      carrier.kill();
    }
  }

  private final List<AgentEvent> seen = new java.util.ArrayList<>();

  private AgentEvent.ToolExecuted nextTool() throws InterruptedException {
    while (true) {
      AgentEvent event = events.poll(30, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("the agent ran no tool; events: " + seen);
      }
      seen.add(event);
      if (event instanceof AgentEvent.ToolExecuted tool) {
        return tool;
      }
    }
  }
}
