package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.AgentState;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.ChatRole;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.agents.AgentDispatchEvent;
import io.switchboard.server.config.AgentTurnsConfig;
import io.switchboard.server.testing.RunningSwitchboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Turns of a real phone call (baresip) with the development server's demo agent: the caller
 * cutting in on the greeting stops the agent's voice on the caller's RTP leg, the transcript
 * keeps only what was played, and the answer to the caller is then heard in full; and a turn's
 * latencies show in {@code GET /metrics}. Timeouts
 * are generous and nothing is judged by the wall clock: the cut is found in the recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentTurnsTest {
  private static final String GREETING = "Hello, you are through to the Corner Bistro. How can I help?";
  private static final Duration SHORT = Duration.ofSeconds(15);
  private static final Duration LONG = Duration.ofSeconds(240);

  @TempDir static Path dir;
  private RunningSwitchboard server;
  private volatile EventQueue<AgentDispatchEvent> dispatches = new EventQueue<>();
  private volatile EventQueue<AgentEvent> agentEvents = new EventQueue<>();

  @BeforeAll
  void start() throws Exception {
    assumeTrue((Baresip.installed() && SpokenWav.toolsInstalled()) || System.getenv("CI") != null,
        "baresip or sox is not installed");
    // Sphinx4 may take tens of seconds on a busy machine: the paused greeting waits for its words
    // rather than resuming as if the caller's speech had been noise.
    server = new RunningSwitchboard(dir.resolve("data"), config -> config.withDevelopment(true)
        .withAgentTurns(AgentTurnsConfig.DEFAULTS.withFalseInterruptionTimeout(Duration.ofMinutes(4))));
    server.server().agents().dispatcher().addListener(event -> {
      if (event instanceof AgentDispatchEvent.Starting starting) {
        EventQueue<AgentEvent> sink = agentEvents;
        starting.session().addListener(sink::add);
      }
      dispatches.add(event);
    });
  }

  @BeforeEach
  void freshQueues() {
    dispatches = new EventQueue<>();
    agentEvents = new EventQueue<>();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theCallerCuttingInStopsTheGreetingOnTheWireAndTheTranscriptKeepsWhatWasPlayed() throws Exception {
    // While the greeting plays, the caller asks for a table: the phone starts silent and switches
    // its microphone to the request once the greeting's audio has started. (A request at a fixed
    // second into the call could come before a busy machine has synthesised the greeting.)
    Path silence = dir.resolve("silence.wav");
    WavFile.mono(8000, new short[8000 * 60]).write(silence);
    Path cutIn = SpokenWav.say(dir, "cut-in", "Can I make a reservation?", 0, 300);
    try (Baresip phone = new Baresip(dir.resolve("frank"), "frank", FreePorts.pair(), silence, FreePorts.one());
        BaresipControl control = phone.start(Duration.ofSeconds(600))) {
      control.command("dial", "sip:anything@127.0.0.1:" + server.sipPort());
      AgentSession session = dispatches.next(AgentDispatchEvent.Starting.class, SHORT).session();
      SpeechHandle greeting = agentEvents.next(AgentEvent.SpeechCreated.class, LONG).speech();
      control.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(60));
      agentEvents.next(AgentEvent.AgentStateChanged.class, c -> c.newState() == AgentState.SPEAKING, LONG);
      control.command("ausrc", "aufile," + cutIn.toAbsolutePath());

      // The caller's words commit a turn, which cuts the paused greeting where the caller stopped hearing it.
      var heard = agentEvents.next(AgentEvent.UserInputTranscribed.class, AgentEvent.UserInputTranscribed::isFinal, LONG);
      var cut = agentEvents.next(AgentEvent.AgentTranscript.class, t -> t.speechId().equals(greeting.id()), LONG);
      assertTrue(cut.interrupted(), "the greeting was played out: " + agentEvents.all());
      assertTrue(greeting.interrupted(), "the greeting's SpeechHandle says it was interrupted");
      assertTrue(GREETING.startsWith(cut.text()) && cut.text().length() < GREETING.length(),
          "the transcript keeps only the played start of the greeting: \"" + cut.text() + "\"");
      ChatItem.Message said = session.chatContext().items().stream()
          .filter(i -> i instanceof ChatItem.Message m && m.role() == ChatRole.ASSISTANT)
          .map(ChatItem.Message.class::cast).findFirst().orElseThrow();
      assertEquals(new ChatItem.Message(ChatRole.ASSISTANT, cut.text(), true), said,
          "the chat context holds what the caller heard, marked interrupted");

      // The answer to the caller's turn plays in full after the cut (before the FreeTTS fix of
      // 9bc352c, the cut greeting's refused audio killed the voice's output thread and it never did).
      SpeechHandle reply = agentEvents.next(AgentEvent.SpeechCreated.class, c -> c.source().equals("user_turn"), SHORT).speech();
      var answer = agentEvents.next(AgentEvent.AgentTranscript.class, t -> t.speechId().equals(reply.id()), LONG);
      assertFalse(answer.interrupted(), "the answer was cut: " + agentEvents.all());
      assertFalse(answer.text().isBlank(), "the answer said nothing: " + agentEvents.all());
      control.command("hangup", "");
      control.awaitEvent("CALL_CLOSED", SHORT);
      control.command("quit", "");
      assertTrue(phone.awaitExit(SHORT), "baresip did not quit");

      Frames frames = new Frames(WavFile.read(phone.heard()));
      int start = frames.firstVoiced(0);
      assertTrue(start >= 0, "the caller heard nothing\n" + phone.log());
      int quiet = frames.firstQuietRun(start, 50);
      assertTrue(quiet > start, "the agent's voice never paused for a second after it began");
      int greetingMillis = (quiet - start) * 20;
      int fullMillis = spokenMillis(GREETING);
      assertTrue(greetingMillis < fullMillis - 500, "the caller heard " + greetingMillis + " ms of the greeting, which lasts "
          + fullMillis + " ms: it was not cut (heard: " + heard.transcript() + ")");
      assertTrue(frames.loudestDbfs(quiet, quiet + 50) < -50, "the leg was quiet for a second after the cut");
      assertTrue(frames.firstVoiced(quiet + 50) > 0, "the caller never heard the answer \"" + answer.text() + "\" after the cut");
    }
  }

  @Test
  void aTurnsLatenciesShowInPrometheusMetrics() throws Exception {
    Path request = SpokenWav.say(dir, "hours", "What are your opening hours?", 6, 300);
    try (Baresip phone = new Baresip(dir.resolve("grace"), "grace", FreePorts.pair(), request, FreePorts.one());
        BaresipControl control = phone.start(Duration.ofSeconds(600))) {
      control.command("dial", "sip:anything@127.0.0.1:" + server.sipPort());
      dispatches.next(AgentDispatchEvent.Listening.class, Duration.ofSeconds(60));
      control.awaitEvent("CALL_ESTABLISHED", SHORT);
      String during = scrape();
      // At least: the previous test's call may still be winding down.
      assertTrue(sample(during, "switchboard_sip_calls_active") >= 1, during);
      assertTrue(sample(during, "switchboard_participants{kind=\"agent\"}") >= 1, during);
      assertTrue(sample(during, "switchboard_participants{kind=\"sip\"}") >= 1, during);
      assertTrue(sample(during, "switchboard_rooms") >= 1, during);
      assertTrue(sample(during, "switchboard_agent_sessions") >= 1, during);

      var turn = agentEvents.next(AgentEvent.MetricsCollected.class,
          m -> m.metrics() instanceof io.switchboard.agent.AgentMetrics.Turn, LONG);
      String after = scrape();
      for (String histogram : List.of("end_of_utterance_delay", "stt_latency", "llm_ttft", "tts_ttfb", "e2e_latency")) {
        String name = "switchboard_agent_" + histogram + "_seconds";
        assertTrue(sample(after, name + "_count") > 0, name + " is empty after " + turn + ":\n" + after);
        assertEquals(sample(after, name + "_count"), sample(after, name + "_bucket{le=\"+Inf\"}"), name);
      }
      assertTrue(sample(after, "switchboard_agent_dispatches_total") >= 1, after);
      control.command("hangup", "");
      control.awaitEvent("CALL_CLOSED", SHORT);
      control.command("quit", "");
    }
  }

  private String scrape() throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, reply.statusCode());
      assertEquals("text/plain; version=0.0.4; charset=utf-8", reply.headers().firstValue("content-type").orElse(""));
      return reply.body();
    }
  }

  /** The value of the sample line {@code series} (name and labels exactly as exposed). */
  private static double sample(String text, String series) {
    Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
    assertTrue(m.find(), "no sample " + series + " in:\n" + text);
    return Double.parseDouble(m.group(1));
  }

  /** How long the agent's voice takes to say {@code text} in full. */
  private static int spokenMillis(String text) throws InterruptedException {
    PcmRecorder speech = new PcmRecorder(FreeTtsTextToSpeech.SAMPLE_RATE);
    try (FreeTtsTextToSpeech voice = new FreeTtsTextToSpeech()) {
      voice.synthesize(text, speech::append);
    }
    return speech.samples().length * 1000 / FreeTtsTextToSpeech.SAMPLE_RATE;
  }

  /** A recording as 20 ms frames: voiced above -40 dBFS, quiet below -50 dBFS. */
  private record Frames(short[] samples, int frame) {
    Frames(WavFile recording) {
      this(recording.samples(), recording.sampleRate() / 50);
    }

    int count() {
      return samples.length / frame;
    }

    double dbfs(int i) {
      return SignalMetrics.rmsDbfs(samples, i * frame, frame);
    }

    int firstVoiced(int from) {
      for (int i = from; i < count(); i++) {
        if (dbfs(i) > -40) {
          return i;
        }
      }
      return -1;
    }

    /** The first frame from which {@code length} frames in a row are quiet, or -1. */
    int firstQuietRun(int from, int length) {
      int run = 0;
      for (int i = from; i < count(); i++) {
        run = dbfs(i) < -50 ? run + 1 : 0;
        if (run == length) {
          return i - length + 1;
        }
      }
      return -1;
    }

    double loudestDbfs(int from, int to) {
      double loudest = Double.NEGATIVE_INFINITY;
      for (int i = from; i < Math.min(to, count()); i++) {
        loudest = Math.max(loudest, dbfs(i));
      }
      return loudest;
    }
  }
}
