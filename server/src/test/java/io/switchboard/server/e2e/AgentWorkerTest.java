package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.rtc.RtcNode;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents written with LiveKit's own Agents framework ({@code @livekit/agents}, unchanged, in a
 * separate process) serve Switchboard's dispatches through the {@code /agent} worker protocol:
 * a phone call whose dispatch rule names the agent hears the agent's 700 Hz and the agent sees
 * the caller; LiveKit's CreateDispatch brings the agent to a WebRTC client's room, ListDispatch
 * shows its running job, and DeleteDispatch ends it.
 */
class AgentWorkerTest {
  private static final String AGENT = "tone-bot";
  private static final String NUMBER = "+15550188";
  @TempDir Path dir;

  @Test
  void aCallerMeetsAFrameworkAgentNamedByTheDispatchRule() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    AgentWorkerProcess.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"));
        AgentWorkerProcess worker = AgentWorkerProcess.start(server, AGENT, dir.resolve("worker.log"))) {
      worker.awaitRegistered(server, AGENT, Duration.ofSeconds(120));
      routeNumberToRoom(server, "hotline", RoomConfiguration.newBuilder()
          .addAgents(RoomAgentDispatch.newBuilder().setAgentName(AGENT)).build());
      RoomServiceClient rooms =
          RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);

      Path wav = callerTone();
      try (Baresip phone = new Baresip(dir.resolve("phone"), "carol", FreePorts.pair(), wav, FreePorts.one());
          BaresipControl control = phone.start(Duration.ofSeconds(180))) {
        control.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());

        JsonNode seen = worker.awaitReport(r -> "hotline".equals(r.path("room").asText())
            && callerIn(r.path("subscribed")).isPresent(), "subscribing to the caller", Duration.ofSeconds(120));
        System.out.println("agent report: " + seen);
        String caller = callerIn(seen.path("subscribed")).orElseThrow();
        assertEquals(AGENT, seen.path("agentName").asText());
        assertTrue(seen.path("job").asText().matches("AJ_[0-9A-Za-z]{12}"), seen.toString());
        assertEquals("agent-" + seen.path("job").asText(), seen.path("identity").asText(),
            "the framework's default identity is agent-<job id>");

        List<ParticipantInfo> inRoom = ok(rooms.listParticipants("hotline").execute());
        ParticipantInfo agent = inRoom.stream()
            .filter(p -> p.getIdentity().equals(seen.path("identity").asText())).findFirst()
            .orElseThrow(() -> new AssertionError("the agent is not listed in " + inRoom));
        assertEquals(ParticipantInfo.Kind.AGENT, agent.getKind());
        assertTrue(inRoom.stream().anyMatch(p -> p.getIdentity().equals(caller)
            && p.getKind() == ParticipantInfo.Kind.SIP), inRoom.toString());

        hangUpOnceTheRoomCarriedTheAgent(server, "hotline", control);
        assertPhoneHeardTheAgent(phone);
      }
    }
  }

  /**
   * LiveKit's quickstart setup: a worker registered without an agent name and a dispatch rule
   * without agents. The call's new room gets the automatic dispatch, so the caller is answered
   * by the agent and hears it.
   */
  @Test
  void aCallerByARuleWithoutAgentsMeetsTheAutomaticallyDispatchedAgent() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    AgentWorkerProcess.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"));
        AgentWorkerProcess worker = AgentWorkerProcess.start(server, "", dir.resolve("worker.log"))) {
      worker.awaitRegistered(server, "", Duration.ofSeconds(120));
      routeNumberToRoom(server, "front-desk", null); // no agents named: automatic dispatch
      AgentDispatchServiceClient dispatches = AgentDispatchServiceClient.createClient(
          server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);

      Path wav = callerTone();
      try (Baresip phone = new Baresip(dir.resolve("phone"), "dave", FreePorts.pair(), wav, FreePorts.one());
          BaresipControl control = phone.start(Duration.ofSeconds(180))) {
        control.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());

        JsonNode seen = worker.awaitReport(r -> "front-desk".equals(r.path("room").asText())
            && callerIn(r.path("subscribed")).isPresent(), "subscribing to the caller", Duration.ofSeconds(120));
        System.out.println("agent report: " + seen);
        assertEquals("", seen.path("agentName").asText(), "an automatic job has no agent name");

        List<AgentDispatch> listed = ok(dispatches.listDispatch("front-desk").execute());
        assertEquals(1, listed.size(), "one automatic dispatch: " + listed);
        assertEquals("", listed.getFirst().getAgentName());
        assertEquals(seen.path("dispatch").asText(), listed.getFirst().getId());
        assertEquals(seen.path("identity").asText(),
            listed.getFirst().getState().getJobs(0).getState().getParticipantIdentity());

        hangUpOnceTheRoomCarriedTheAgent(server, "front-desk", control);
        assertPhoneHeardTheAgent(phone);
      }
    }
  }

  @Test
  void createDispatchBringsAFrameworkAgentToAWebClientAndDeleteDispatchEndsIt() throws Exception {
    AgentWorkerProcess.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"));
        AgentWorkerProcess worker = AgentWorkerProcess.start(server, AGENT, dir.resolve("worker.log"))) {
      worker.awaitRegistered(server, AGENT, Duration.ofSeconds(120));
      Path clientLog = dir.resolve("client.log");
      Process client = RtcNode.start("rtc-meets-agent.mjs", RtcNode.env(server, "desk"), clientLog);
      try {
        RtcNode.awaitLine(client, clientLog, "READY", Duration.ofSeconds(30));
        AgentDispatchServiceClient dispatches = AgentDispatchServiceClient.createClient(
            server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
        AgentDispatch created = ok(dispatches.createDispatch("desk", AGENT, "ticket 7").execute());

        assertTrue(client.waitFor(150, TimeUnit.SECONDS), "client did not finish:\n" + Files.readString(clientLog));
        String output = Files.readString(clientLog);
        assertEquals(0, client.exitValue(), output);
        JsonNode result = RtcNode.result(output);
        System.out.println("rtc-meets-agent: " + result);
        assertTrue(result.path("from").asText().startsWith("agent-AJ_"), result.toString());
        assertEquals(4, result.path("kind").asInt(), "the client sees kind AGENT (4): " + result);
        assertTrue(result.path("tone").path("share").asDouble() > 0.8, "the client hears 700 Hz: " + result);

        JsonNode seen = worker.awaitReport(r -> "desk".equals(r.path("room").asText()), "joining desk",
            Duration.ofSeconds(5));
        assertEquals(created.getId(), seen.path("dispatch").asText());
        assertEquals("ticket 7", seen.path("metadata").asText(), "the job carries the dispatch's metadata");

        List<AgentDispatch> listed = ok(dispatches.listDispatch("desk").execute());
        assertEquals(List.of(created.getId()), listed.stream().map(AgentDispatch::getId).toList());
        var job = listed.getFirst().getState().getJobs(0);
        assertEquals(seen.path("job").asText(), job.getId());
        assertEquals(JobStatus.JS_RUNNING, job.getState().getStatus());
        assertEquals(result.path("from").asText(), job.getState().getParticipantIdentity());

        CountDownLatch agentLeft = new CountDownLatch(1);
        server.server().rooms().addListener(event -> {
          if (event instanceof RoomEvent.ParticipantLeft left
              && left.participant().identity().equals(job.getState().getParticipantIdentity())) {
            agentLeft.countDown();
          }
        });
        ok(dispatches.deleteDispatch("desk", created.getId()).execute());
        worker.awaitReport(r -> "shutdown".equals(r.path("event").asText()), "the job's end (JobTermination)",
            Duration.ofSeconds(20));
        assertTrue(agentLeft.await(20, TimeUnit.SECONDS), "the agent left the room:\n" + worker.output());
        assertEquals(List.of(), ok(dispatches.listDispatch("desk").execute()));
      } finally {
        client.destroyForcibly();
      }
    }
  }

  /** A loopback trunk for {@link #NUMBER} and a direct rule to {@code room} ({@code config} may be null). */
  private static void routeNumberToRoom(RunningSwitchboard server, String room, RoomConfiguration config)
      throws java.io.IOException {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("loopback", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    if (config != null) {
      ruleOptions.setRoomConfig(config);
    }
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(room, ""), ruleOptions).execute());
  }

  private Path callerTone() throws java.io.IOException {
    return callerTone(dir);
  }

  /** 120 s of the caller's 440 Hz, 8 kHz mono: longer than any call here. */
  static Path callerTone(Path dir) throws java.io.IOException {
    Path wav = dir.resolve("caller.wav");
    WavFile.mono(8000, ToneGenerator.tone(440, 8000, 8000, 8000 * 120)).write(wav);
    return wav;
  }

  /**
   * Holds the call until a listener in the room has heard the agent's 700 Hz for 5 s in all (the
   * caller hears the same mix), then hangs up: the framework's job process may join many seconds
   * into the call on a busy machine, so no fixed call length fits.
   */
  private static void hangUpOnceTheRoomCarriedTheAgent(RunningSwitchboard server, String room, BaresipControl control)
      throws Exception {
    try (AgentEar ear = new AgentEar(server.server().rooms().room(room).orElseThrow())) {
      ear.awaitTone(250, Duration.ofSeconds(60));
    }
    control.command("hangup", "");
    control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(15));
    control.command("quit", "");
  }

  /** In the room, publishing nothing: counts the 20 ms frames of the mix that carry the agent's 700 Hz. */
  private static final class AgentEar implements AudioSink, AutoCloseable {
    private final LocalParticipant participant;
    private int heard;
    private int frames;

    AgentEar(Room room) {
      participant = room.join(new ParticipantSpec("ear", "Ear", ParticipantKind.STANDARD, "", null),
          ParticipantListener.NONE);
      participant.subscribeMix(this);
    }

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public synchronized void write(PcmFrame frame) {
      frames++;
      if (Goertzel.amplitude(frame.samples(), 0, frame.length(), 8000, 700) > 2000) {
        heard++;
      }
      notifyAll();
    }

    synchronized void awaitTone(int wanted, Duration limit) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (heard < wanted) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("the room carried the agent's 700 Hz in only " + heard + " of " + frames + " frames");
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    @Override
    public void close() {
      participant.leave(DisconnectReason.CLIENT_INITIATED);
    }
  }

  /**
   * After the first 3 s, the phone's recording carries the agent's 700 Hz, 30 dB above its own
   * 440 Hz: for 3 s from half a second after the agent's tone came, since the worker's job
   * process may join the room seconds into the call on a busy machine.
   */
  static void assertPhoneHeardTheAgent(Baresip phone) throws Exception {
    assertTrue(phone.awaitExit(Duration.ofSeconds(30)), "the phone did not finish");
    Heard heard = new Heard(WavFile.read(phone.heard()));
    int from = heard.settledMillisOf(700, 3000);
    int length = Math.min(3000, heard.millis() - from);
    assertTrue(length > 1000, "recording too short\n" + phone.log());
    // Per 100 ms window (their median): a late packet's phase break spoils one window, not the level.
    double tone = heard.medianLevel(from, length, 700);
    double own = heard.medianLevel(from, length, 440);
    System.out.println("phone heard the agent's 700 Hz at " + tone + ", its own 440 Hz at " + own);
    assertTrue(tone > 3000, "the caller hears the agent's 700 Hz (~8000), got " + tone + "\n" + heard.describe()
        + "\n" + phone.log());
    assertTrue(20 * Math.log10(tone / Math.max(own, 1)) > 30, "own tone " + own + " against " + tone);
  }

  static Optional<String> callerIn(JsonNode identities) {
    for (JsonNode id : identities) {
      if (id.asText().startsWith("sip_")) {
        return Optional.of(id.asText());
      }
    }
    return Optional.empty();
  }
}
