package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.media.testing.WavFile;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Voice agents answer real phone calls (baresip) on one development-mode server, whose
 * configuration adds the README's example agent ({@code receptionist: com.example.Receptionist}).
 * First, with no trunk configured, any call meets the built-in demo agent, which understands a
 * spoken request for a reservation (FreeTTS, through G.711), calls a tool and hands over to its
 * bookings desk, all heard by the caller. Then, with trunks: a rule naming an agent is answered only once
 * the agent listens; an agent that is not there within the ringing timeout, or an unknown one,
 * gets the call refused with 480 and leaves nothing behind. The order matters: the first test
 * needs a server without trunks, the later ones add them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentCallsTest {
  private static final Duration SHORT = Duration.ofSeconds(15);

  @TempDir static Path dir;
  private RunningSwitchboard server;
  private volatile EventQueue<AgentDispatchEvent> dispatches = new EventQueue<>();
  private volatile EventQueue<AgentEvent> agentEvents = new EventQueue<>();
  /** While closed, a starting agent is held before it joins its room (the call keeps ringing). */
  private volatile CountDownLatch gate = new CountDownLatch(0);

  @BeforeAll
  void start() throws Exception {
    assumeTrue((Baresip.installed() && SpokenWav.toolsInstalled()) || System.getenv("CI") != null,
        "baresip or sox is not installed");
    server = new RunningSwitchboard(dir.resolve("data"),
        config -> config.withDevelopment(true).withAgents(Map.of("receptionist", "com.example.Receptionist")));
    server.server().agents().dispatcher().addListener(this::onDispatch);
  }

  @BeforeEach
  void freshQueues() {
    dispatches = new EventQueue<>();
    agentEvents = new EventQueue<>();
  }

  @AfterAll
  void stop() {
    gate.countDown();
    if (server != null) {
      server.close();
    }
  }

  private void onDispatch(AgentDispatchEvent event) {
    if (event instanceof AgentDispatchEvent.Starting starting) {
      EventQueue<AgentEvent> sink = agentEvents;
      starting.session().addListener(sink::add);
    }
    dispatches.add(event);
    if (event instanceof AgentDispatchEvent.Starting) {
      try {
        gate.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  @Order(1)
  void withoutTrunksTheDemoAgentAnswersAnyCallUnderstandsItAndHandsOver() throws Exception {
    Path request = SpokenWav.say(dir, "reservation", "Can I make a reservation?", 5, 120);
    try (Baresip phone = new Baresip(dir.resolve("alice"), "alice", FreePorts.pair(), request, FreePorts.one());
        BaresipControl control = phone.start(Duration.ofSeconds(180))) {
      control.command("dial", "sip:anything@127.0.0.1:" + server.sipPort());
      var starting = dispatches.next(AgentDispatchEvent.Starting.class, SHORT);
      assertEquals("demo", starting.agentName());
      String room = starting.roomName();
      assertTrue(room.startsWith("call_alice_"), "a room of its own per call: " + room);
      var listening = dispatches.next(AgentDispatchEvent.Listening.class, Duration.ofSeconds(60)); // models may load
      control.awaitEvent("CALL_ESTABLISHED", SHORT);
      assertEquals(ParticipantKind.AGENT, participant(room, listening.identity()).kind());
      assertEquals("receptionist", participant(room, listening.identity()).name());

      var heard = agentEvents.next(AgentEvent.UserInputTranscribed.class, AgentEvent.UserInputTranscribed::isFinal,
          Duration.ofSeconds(180));
      System.out.println("the agent heard: " + heard.transcript());
      var freeTables = agentEvents.next(AgentEvent.ToolExecuted.class, Duration.ofSeconds(30));
      assertEquals("free_tables", freeTables.call().name(), "the booking rule was triggered by: " + heard.transcript());
      assertEquals(new ToolOutcome.Output("two tables"), freeTables.outcome());
      var transfer = agentEvents.next(AgentEvent.ToolExecuted.class, SHORT);
      assertEquals("transfer_to_bookings", transfer.call().name());
      assertInstanceOf(ToolOutcome.HandedOff.class, transfer.outcome());
      assertEquals(new AgentEvent.AgentHandoff("receptionist", "bookings"),
          agentEvents.next(AgentEvent.AgentHandoff.class, SHORT));
      var intro = agentEvents.next(AgentEvent.AgentTranscript.class, t -> t.text().startsWith("Bookings desk"),
          Duration.ofSeconds(60));
      assertEquals("Bookings desk here. For how many people, and at what time?", intro.text());
      assertFalse(intro.interrupted(), "the caller heard the bookings desk out");
      List<String> said = agentEvents.all().stream()
          .filter(e -> e instanceof AgentEvent.AgentTranscript).map(e -> ((AgentEvent.AgentTranscript) e).text()).toList();
      assertEquals("Hello, you are through to the Corner Bistro. How can I help?", said.getFirst());
      assertTrue(said.contains("Let me check that we have a table."), said.toString());

      control.command("hangup", "");
      control.awaitEvent("CALL_CLOSED", SHORT);
      assertEquals(new AgentDispatchEvent.Left(room, "demo", "everyone else left the room"),
          dispatches.next(AgentDispatchEvent.Left.class, SHORT), "the agent left with the caller");
      control.command("quit", "");
      assertTrue(phone.awaitExit(SHORT), "baresip did not quit");

      // The agent's voice came back on the caller's RTP leg: seconds of speech-level audio.
      WavFile recording = WavFile.read(phone.heard());
      int voicedMillis = voicedMillis(recording);
      assertTrue(voicedMillis >= 4000, "the caller heard only " + voicedMillis + " ms of speech in "
          + recording.durationSeconds() + " s\n" + phone.log());
    }
  }

  @Test
  @Order(2)
  void aRuleNamingAnAgentIsAnsweredOnlyOnceTheAgentListens() throws Exception {
    String number = "+15550111";
    rule(trunk(number), "front-desk", "receptionist");
    List<String> timeline = new CopyOnWriteArrayList<>();
    CountDownLatch answered = new CountDownLatch(1);
    server.server().rooms().addListener(event -> {
      if (event instanceof RoomEvent.ParticipantUpdated u && u.room().name().equals("front-desk")
          && u.participant().kind() == ParticipantKind.SIP && "active".equals(u.participant().attributes().get("sip.callStatus"))
          && answered.getCount() > 0) {
        timeline.add("caller answered");
        answered.countDown();
      }
    });
    server.server().agents().dispatcher().addListener(event -> {
      if (event instanceof AgentDispatchEvent.Listening l && l.roomName().equals("front-desk")) {
        timeline.add("agent listening");
      }
    });
    gate = new CountDownLatch(1);
    try (Baresip phone = phone("bob");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", "sip:" + number + "@127.0.0.1:" + server.sipPort());
      var starting = dispatches.next(AgentDispatchEvent.Starting.class, SHORT);
      assertEquals("receptionist", starting.agentName());
      control.awaitEvent("CALL_RINGING", SHORT);
      Room room = server.server().rooms().room("front-desk").orElseThrow();
      assertEquals("ringing", participant("front-desk", "sip_bob").attributes().get("sip.callStatus"));
      assertTrue(room.participants().stream().noneMatch(p -> p.kind() == ParticipantKind.AGENT), "no agent yet");
      assertTrue(control.events().stream().noneMatch(e -> e.contains("CALL_ESTABLISHED")), "answered without the agent");

      gate.countDown();
      dispatches.next(AgentDispatchEvent.Listening.class, SHORT);
      control.awaitEvent("CALL_ESTABLISHED", SHORT);
      assertTrue(answered.await(10, TimeUnit.SECONDS), "the caller never became active");
      assertEquals(List.of("agent listening", "caller answered"), timeline);

      // The README example hands over to its second persona, which the caller then hears.
      starting.session().replyToUser("I have a question about my invoice");
      assertEquals(new AgentEvent.AgentHandoff("Receptionist", "Billing"),
          agentEvents.next(AgentEvent.AgentHandoff.class, SHORT));
      agentEvents.next(AgentEvent.AgentTranscript.class, t -> t.text().equals("Billing here. What is your invoice number?"),
          Duration.ofSeconds(30));
      control.command("hangup", "");
      control.awaitEvent("CALL_CLOSED", SHORT);
      dispatches.next(AgentDispatchEvent.Left.class, SHORT);
      control.command("quit", "");
    } finally {
      gate.countDown();
    }
  }

  @Test
  @Order(3)
  void anAgentNotListeningWithinTheRingingTimeoutGetsTheCallRefusedAndLeavesNothingBehind() throws Exception {
    String number = "+15550122";
    JsonTwirp.post(server.url(), "CreateSIPInboundTrunk",
        "{\"trunk\":{\"name\":\"slow\",\"numbers\":[\"" + number + "\"],\"allowed_addresses\":[\"127.0.0.1/32\"],"
            + "\"ringing_timeout\":\"2s\"}}");
    String trunkId = JsonTwirp.post(server.url(), "ListSIPInboundTrunk", "{\"numbers\":[\"" + number + "\"]}")
        .get("items").get(0).get("sip_trunk_id").asText();
    rule(trunkId, "slow-desk", "receptionist");
    gate = new CountDownLatch(1);
    try (Baresip phone = phone("carol");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", "sip:" + number + "@127.0.0.1:" + server.sipPort());
      dispatches.next(AgentDispatchEvent.Starting.class, SHORT);
      String closed = control.awaitEvent("CALL_CLOSED", SHORT);
      assertTrue(closed.contains("480"), closed);
      // The 480 goes out just before the caller leaves the room; an agent let in between would
      // find the caller still there, listen, then leave with it (also clean, but not this case).
      awaitNoCaller("slow-desk");
      gate.countDown();
      var failed = dispatches.next(AgentDispatchEvent.Failed.class, SHORT);
      assertEquals("slow-desk", failed.roomName());
      assertTrue(failed.reason().contains("left"), failed.reason());
      assertTrue(server.server().rooms().room("slow-desk").map(Room::participants).orElse(List.of()).isEmpty(),
          "nobody is left in the room");
      control.command("quit", "");
    } finally {
      gate.countDown();
    }
  }

  private void awaitNoCaller(String roomName) throws InterruptedException {
    long deadline = System.nanoTime() + SHORT.toNanos();
    while (server.server().rooms().room(roomName).map(Room::participants).orElse(List.of()).stream()
        .anyMatch(p -> p.kind() == ParticipantKind.SIP)) {
      assertTrue(System.nanoTime() < deadline, "the refused caller is still in room " + roomName);
      Thread.sleep(20);
    }
  }

  @Test
  @Order(4)
  void anUnknownAgentGetsTheCallRefusedNamingTheKnownOnes() throws Exception {
    String number = "+15550133";
    rule(trunk(number), "nowhere", "nobody");
    try (Baresip phone = phone("dave");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", "sip:" + number + "@127.0.0.1:" + server.sipPort());
      String closed = control.awaitEvent("CALL_CLOSED", SHORT);
      assertTrue(closed.contains("480"), closed);
      var failed = dispatches.next(AgentDispatchEvent.Failed.class, SHORT);
      assertEquals("no agent named 'nobody' is registered (known: [demo, receptionist])", failed.reason());
      control.command("quit", "");
    }
  }

  @Test
  @Order(5)
  void onceTrunksExistTheDemoNoLongerAnswersOtherNumbers() throws Exception {
    try (Baresip phone = phone("erin");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", "sip:anything@127.0.0.1:" + server.sipPort());
      String closed = control.awaitEvent("CALL_CLOSED", SHORT);
      assertTrue(closed.contains("404"), closed);
      assertEquals(List.of(), dispatches.all());
      control.command("quit", "");
    }
  }

  private SIPInboundTrunkInfo trunk(String number) throws Exception {
    var options = new CreateSipInboundTrunkOptions();
    options.setAllowedAddresses(List.of("127.0.0.1/32"));
    return ok(sip().createSipInboundTrunk("carrier " + number, List.of(number), options).execute());
  }

  private void rule(SIPInboundTrunkInfo trunk, String room, String agent) throws Exception {
    rule(trunk.getSipTrunkId(), room, agent);
  }

  private void rule(String trunkId, String room, String agent) throws Exception {
    var options = new CreateSipDispatchRuleOptions();
    options.setTrunkIds(List.of(trunkId));
    options.setRoomConfig(RoomConfiguration.newBuilder()
        .addAgents(RoomAgentDispatch.newBuilder().setAgentName(agent)).build());
    ok(sip().createSipDispatchRule(new SipDispatchRuleDirect(room, ""), options).execute());
  }

  private SipServiceClient sip() {
    return SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
  }

  private Baresip phone(String user) throws Exception {
    Path quiet = dir.resolve("quiet.wav");
    WavFile.mono(8000, new short[8000 * 30]).write(quiet);
    return new Baresip(dir.resolve(user), user, FreePorts.pair(), quiet, FreePorts.one());
  }

  private ParticipantInfo participant(String room, String identity) {
    return server.server().rooms().room(room).orElseThrow().participant(identity)
        .orElseThrow(() -> new AssertionError(identity + " is not in " + room));
  }

  /** Milliseconds of 20 ms frames at speech level (above -40 dBFS). */
  private static int voicedMillis(WavFile recording) {
    short[] s = recording.samples();
    int frame = recording.sampleRate() / 50;
    int voiced = 0;
    for (int at = 0; at + frame <= s.length; at += frame) {
      if (SignalMetrics.rmsDbfs(s, at, frame) > -40) {
        voiced++;
      }
    }
    return voiced * 20;
  }
}
