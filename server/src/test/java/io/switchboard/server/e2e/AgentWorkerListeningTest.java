package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A call waiting for an agent of LiveKit's Agents framework (a worker on {@code /agent}) is
 * answered only once the agent hears the caller, as LiveKit's SIP does: its participant in the
 * room is not enough, its subscriber connection must be up and subscribed to the caller's track.
 * The agents here join with auto-subscribe off and subscribe late, or never.
 */
class AgentWorkerListeningTest {
  private static final String AGENT = "tone-bot";
  private static final String NUMBER = "+15550199";
  private static final String AGENT_JOINED = "agent joined";
  private static final String AGENT_CONNECTED = "agent's subscriber connection up";
  private static final String AGENT_HEARS = "agent subscribed to the caller";
  private static final String ANSWERED = "caller answered";
  private static final String CALLER_LEFT = "caller left";
  private static final String AGENT_LEFT = "agent left";
  @TempDir Path dir;

  @Test
  void aCallStaysRingingUntilAnAgentThatSubscribesLateHearsTheCallerThenThePhoneHearsTheAgent() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    AgentWorkerProcess.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"));
        AgentWorkerProcess worker = AgentWorkerProcess.start(server, AGENT, dir.resolve("worker.log"),
            Map.of("SUBSCRIBE_AFTER_MS", "4000"))) {
      worker.awaitRegistered(server, AGENT, Duration.ofSeconds(120));
      Milestones milestones = new Milestones("late-line");
      server.server().rooms().addListener(milestones::onEvent);
      route(server, "late-line", "60s");

      try (Baresip phone = new Baresip(dir.resolve("phone"), "erin", FreePorts.pair(),
          AgentWorkerTest.callerTone(dir))) {
        phone.dial("sip:" + NUMBER + "@127.0.0.1:" + server.sipPort(), Duration.ofSeconds(32));
        worker.awaitReport(r -> "subscribing".equals(r.path("event").asText()), "subscribing late",
            Duration.ofSeconds(30));
        JsonNode heard = worker.awaitReport(r -> "late-line".equals(r.path("room").asText())
            && AgentWorkerTest.callerIn(r.path("subscribed")).isPresent(), "receiving the caller", Duration.ofSeconds(20));
        System.out.println("agent report: " + heard);
        milestones.await(ANSWERED, Duration.ofSeconds(20));

        assertEquals(List.of(AGENT_JOINED, AGENT_CONNECTED, AGENT_HEARS, ANSWERED), milestones.seen().subList(0, 4),
            "the 200 OK waits for the agent's subscription, not its join");
        AgentWorkerTest.assertPhoneHeardTheAgent(phone);
      }
    }
  }

  @Test
  void anAgentThatJoinsButNeverSubscribesGetsTheCallRefusedAndItsJobEnded() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    AgentWorkerProcess.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"));
        AgentWorkerProcess worker = AgentWorkerProcess.start(server, AGENT, dir.resolve("worker.log"),
            Map.of("SUBSCRIBE_AFTER_MS", "never"))) {
      worker.awaitRegistered(server, AGENT, Duration.ofSeconds(120));
      Milestones milestones = new Milestones("deaf-line");
      server.server().rooms().addListener(milestones::onEvent);
      List<AgentDispatchEvent> dispatches = new CopyOnWriteArrayList<>();
      server.server().agents().dispatcher().addListener(dispatches::add);
      route(server, "deaf-line", "8s");

      try (Baresip phone = new Baresip(dir.resolve("phone"), "frank", FreePorts.pair(),
              AgentWorkerTest.callerTone(dir), FreePorts.one());
          BaresipControl control = phone.start(Duration.ofSeconds(60))) {
        control.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());
        milestones.await(AGENT_CONNECTED, Duration.ofSeconds(30));
        String closed = control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(20));
        assertTrue(closed.contains("480"), "refused as when no agent comes: " + closed);
        assertTrue(control.events().stream().noneMatch(e -> e.contains("CALL_ESTABLISHED")), control.events().toString());

        worker.awaitReport(r -> "shutdown".equals(r.path("event").asText()), "the job's end (JobTermination)",
            Duration.ofSeconds(20));
        milestones.await(AGENT_LEFT, Duration.ofSeconds(20));
        assertEquals(List.of(AGENT_JOINED, AGENT_CONNECTED, CALLER_LEFT, AGENT_LEFT), milestones.seen(),
            "never heard, never answered; the refused caller's agent leaves");
        assertEquals(List.of(), server.server().rooms().room("deaf-line").map(Room::participants).orElse(List.of()));
        AgentDispatchEvent.Failed failed = dispatches.stream().filter(AgentDispatchEvent.Failed.class::isInstance)
            .map(AgentDispatchEvent.Failed.class::cast).findFirst()
            .orElseThrow(() -> new AssertionError("no failed dispatch in " + dispatches));
        assertEquals("deaf-line", failed.roomName());
        assertEquals("agent 'tone-bot' is not listening in room deaf-line: everyone else left the room", failed.reason());
        assertTrue(dispatches.stream().noneMatch(AgentDispatchEvent.Listening.class::isInstance), dispatches.toString());
        control.command("quit", "");
      }
    }
  }

  /** A loopback trunk for {@link #NUMBER} ringing at most {@code ringing} and a direct rule naming the agent. */
  private static void route(RunningSwitchboard server, String room, String ringing) throws Exception {
    JsonTwirp.post(server.url(), "CreateSIPInboundTrunk",
        "{\"trunk\":{\"name\":\"loopback\",\"numbers\":[\"" + NUMBER + "\"],\"allowed_addresses\":[\"127.0.0.1/32\"],"
            + "\"ringing_timeout\":\"" + ringing + "\"}}");
    String trunkId = JsonTwirp.post(server.url(), "ListSIPInboundTrunk", "{\"numbers\":[\"" + NUMBER + "\"]}")
        .get("items").get(0).get("sip_trunk_id").asText();
    var options = new CreateSipDispatchRuleOptions();
    options.setTrunkIds(List.of(trunkId));
    options.setRoomConfig(RoomConfiguration.newBuilder()
        .addAgents(RoomAgentDispatch.newBuilder().setAgentName(AGENT)).build());
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(room, ""), options).execute());
  }

  /** The steps of one room's call as the server's room events tell them, each once, in order. */
  private static final class Milestones {
    private final String room;
    private final List<String> seen = new java.util.ArrayList<>();

    Milestones(String room) {
      this.room = room;
    }

    void onEvent(RoomEvent event) {
      if (!event.room().name().equals(room)) {
        return;
      }
      switch (event) {
        case RoomEvent.ParticipantJoined j when j.participant().kind() == ParticipantKind.AGENT -> note(AGENT_JOINED);
        case RoomEvent.SubscriberConnected c when c.participant().kind() == ParticipantKind.AGENT ->
            note(AGENT_CONNECTED);
        case RoomEvent.TrackSubscribed t when t.subscriber().kind() == ParticipantKind.AGENT
            && t.publisher().kind() == ParticipantKind.SIP -> note(AGENT_HEARS);
        case RoomEvent.ParticipantUpdated u when answered(u.participant()) -> note(ANSWERED);
        case RoomEvent.ParticipantLeft l when l.participant().kind() == ParticipantKind.SIP -> note(CALLER_LEFT);
        case RoomEvent.ParticipantLeft l when l.participant().kind() == ParticipantKind.AGENT -> note(AGENT_LEFT);
        default -> { }
      }
    }

    private static boolean answered(ParticipantInfo p) {
      return p.kind() == ParticipantKind.SIP && "active".equals(p.attributes().get("sip.callStatus"));
    }

    private synchronized void note(String milestone) {
      if (!seen.contains(milestone)) {
        seen.add(milestone);
        notifyAll();
      }
    }

    synchronized List<String> seen() {
      return List.copyOf(seen);
    }

    synchronized void await(String milestone, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (!seen.contains(milestone)) {
        long left = deadline - System.nanoTime();
        assertTrue(left > 0, "no '" + milestone + "' within " + limit + "; seen " + seen);
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
  }
}
