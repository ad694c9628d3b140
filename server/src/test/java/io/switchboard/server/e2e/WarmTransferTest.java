package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.time.Duration;
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
 * The README's warm transfer with real phones: alice (baresip, a 440 Hz tone) calls in and gets
 * the Concierge agent; she asks for a person, the agent's tool dials the colleague (baresip as
 * the callee, a 1 kHz tone) into the same room, introduces the caller and leaves. Alice then
 * hears the colleague's tone and the colleague hears hers, with no agent in between.
 */
class WarmTransferTest {
  private static final int RATE = 8000;
  private static final double ALICE_TONE = 440;
  private static final double HUMAN_TONE = 1000;
  private static final String NUMBER = "+15550177";
  private static final String HUMAN = "+15105550111"; // Concierge.HUMAN: baresip answers as this user
  private static final String ROOM = "concierge";

  @TempDir Path dir;
  private RunningSwitchboard server;
  private final CompletableFuture<AgentSession> session = new CompletableFuture<>();
  private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"), c -> c.withAgents(Map.of("concierge", "com.example.Concierge")));
    server.server().agents().dispatcher().addListener(event -> {
      if (event instanceof AgentDispatchEvent.Starting starting) {
        starting.session().addListener(events::add);
        session.complete(starting.session());
      }
    });
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theAgentDialsAColleagueIntroducesTheCallerAndLeavesThemTalking() throws Exception {
    int humanPort = FreePorts.pair();
    SipServiceClient sip = SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY,
        RunningSwitchboard.API_SECRET);
    ok(sip.createSipOutboundTrunk("desk phones", "127.0.0.1:" + humanPort, List.of("+15105550100"),
        new CreateSipOutboundTrunkOptions()).execute());
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    var inbound = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var rule = new CreateSipDispatchRuleOptions();
    rule.setTrunkIds(List.of(inbound.getSipTrunkId()));
    rule.setRoomConfig(RoomConfiguration.newBuilder()
        .addAgents(RoomAgentDispatch.newBuilder().setAgentName("concierge")).build());
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), rule).execute());

    try (Baresip alice = phone("alice", ALICE_TONE, FreePorts.pair());
        Baresip human = phone(HUMAN, HUMAN_TONE, humanPort);
        BaresipControl aliceKeys = alice.start(Duration.ofSeconds(120));
        BaresipControl humanKeys = human.start(Duration.ofSeconds(120))) {
      aliceKeys.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());
      aliceKeys.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(60)); // answered once the agent listens
      AgentSession agent = session.get(30, TimeUnit.SECONDS);

      agent.replyToUser("Can I talk to a person please?"); // what alice said, as STT would give it
      humanKeys.awaitEvent("CALL_INCOMING", Duration.ofSeconds(30));
      humanKeys.command("accept", "");

      AgentEvent.ToolExecuted tool = next(AgentEvent.ToolExecuted.class);
      assertEquals("bring_in_human", tool.call().name());
      var output = assertInstanceOf(ToolOutcome.Output.class, tool.outcome(), tool.toString());
      assertEquals("introduced the caller to colleague", output.output());
      AgentEvent.AgentTranscript intro = next(AgentEvent.AgentTranscript.class);
      while (!intro.text().contains("I have a caller who asked for a person")) {
        intro = next(AgentEvent.AgentTranscript.class);
      }
      assertFalse(intro.interrupted(), "the colleague and the caller heard the whole introduction: " + intro);
      next(AgentEvent.Closed.class); // after the introduction the agent left the room
      var room = server.server().rooms().room(ROOM).orElseThrow();
      assertEquals(List.of("colleague", "sip_alice"),
          room.participants().stream().map(ParticipantInfo::identity).sorted().toList());
      assertEquals(ParticipantKind.SIP, room.participant("colleague").orElseThrow().kind());

      var ear = new Ear(server);
      ear.awaitBothTones(); // 3 s of alice and the colleague together, with the agent gone
      ear.close();
      aliceKeys.command("quit", "");
      humanKeys.command("quit", "");
      assertTrue(alice.awaitExit(Duration.ofSeconds(15)) && human.awaitExit(Duration.ofSeconds(15)), "baresip did not quit");

      assertHearsAtTheEnd(alice, HUMAN_TONE, "alice hears the colleague");
      assertHearsAtTheEnd(human, ALICE_TONE, "the colleague hears alice");
    }
  }

  /** The last second the phone recorded carries {@code frequency} (the call was up 3 s past the agent). */
  private static void assertHearsAtTheEnd(Baresip phone, double frequency, String what) throws Exception {
    WavFile heard = WavFile.read(phone.heard());
    short[] s = heard.samples();
    int length = heard.sampleRate();
    assertTrue(s.length >= 2 * length, what + ": recording too short (" + s.length + ")\n" + phone.log());
    // A little before the end: the last frames may be cut as baresip quits.
    double level = Goertzel.amplitude(s, s.length - 2 * length, length, heard.sampleRate(), frequency);
    assertTrue(level > 3000, what + ": amplitude of " + frequency + " Hz is " + level);
  }

  private <T extends AgentEvent> T next(Class<T> type) throws InterruptedException {
    while (true) {
      AgentEvent event = events.poll(60, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no " + type.getSimpleName() + " from the agent");
      }
      if (type.isInstance(event)) {
        return type.cast(event);
      }
    }
  }

  private Baresip phone(String user, double tone, int sipPort) throws Exception {
    Path microphone = dir.resolve(user + ".wav");
    WavFile.mono(RATE, ToneGenerator.tone(tone, 8000, RATE, RATE * 120)).write(microphone);
    return new Baresip(dir.resolve(user), user, sipPort, microphone, FreePorts.one());
  }

  /** In the room, publishing nothing: listens for both phones' tones in the mix. */
  private static final class Ear implements AudioSink {
    private final LocalParticipant participant;
    private int together;
    private int frames;

    Ear(RunningSwitchboard server) {
      participant = server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET)
          .join(new ParticipantSpec("ear", "Ear", ParticipantKind.STANDARD, "", null), ParticipantListener.NONE);
      participant.subscribeMix(this);
    }

    @Override
    public int sampleRate() {
      return RATE;
    }

    @Override
    public synchronized void write(PcmFrame frame) {
      boolean both = Goertzel.amplitude(frame.samples(), 0, frame.length(), RATE, ALICE_TONE) > 2000
          && Goertzel.amplitude(frame.samples(), 0, frame.length(), RATE, HUMAN_TONE) > 2000;
      if (both) {
        together++;
      }
      frames++;
      notifyAll();
    }

    /**
     * 3 s of frames carrying both tones, in all rather than in a row: on a busy machine a late
     * packet from either phone empties a frame now and then, and a run reset by each may never
     * reach 3 s.
     */
    synchronized void awaitBothTones() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (together < 150) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("the room carried both phones' tones together in only " + together + " of "
              + frames + " frames");
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    void close() {
      participant.leave(DisconnectReason.CLIENT_INITIATED);
    }
  }
}
