package io.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A session on the OpenAI-compatible LLM and TTS: tool rounds, speaking the first sentence early, errors. */
class OpenAiSessionTest {
  private final ReplayServer server = new ReplayServer();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<AgentEvent> events = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<AgentEvent> arrivals = new LinkedBlockingQueue<>();
  private final PcmRecorder ear = new PcmRecorder(24_000);
  private final ObjectMapper json = new ObjectMapper();
  private Room room;

  @AfterEach
  void stop() {
    server.close();
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  static final class Bookings extends Agent {
    Bookings() {
      super("You take bookings.");
    }

    @FunctionTool("Book a table")
    String bookTable(String day, int partySize) {
      return "table for " + partySize + " " + day + " at 19:00";
    }

    @FunctionTool("Weather in a city")
    String checkWeather(String city) {
      return "sunny in " + city;
    }
  }

  private AgentSession session() {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(2));
    room = rooms.getOrCreate("openai-room", RoomOptions.UNSET);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.subscribeMix(ear);
    OpenAiEndpoint base = OpenAiEndpoint.of("openai", server.baseUrl(), "gpt-4o-mini", "sk-session");
    AgentSession session = AgentSession.builder()
        .vad(new EnergyVad())
        .stt(new OpenAiSpeechToText(new OpenAiEndpoint("openai", base.baseUrl(), "whisper-1", "sk-session", null, null),
            16_000, "en", executor, new Random(1)))
        .llm(new OpenAiLanguageModel(base))
        .tts(new OpenAiTextToSpeech(new OpenAiEndpoint("openai", base.baseUrl(), "tts-1", "sk-session", null, null), "alloy", 1.0))
        .executor(executor)
        .build();
    session.addListener(e -> {
      events.add(e);
      arrivals.add(e);
    });
    session.start(room, new Bookings(), "agent");
    return session;
  }

  private void playOut(SpeechHandle speech) throws Exception {
    speech.synthesized().get(30, TimeUnit.SECONDS);
    for (int i = 0; i < 50 * 30 && !speech.done().isDone(); i++) {
      room.tick();
    }
    speech.done().get(5, TimeUnit.SECONDS);
  }

  /** The first event that matches, waiting for it if it has not come yet (events arrive on the session's thread). */
  private AgentEvent awaitEvent(Predicate<AgentEvent> wanted) throws InterruptedException {
    AgentEvent e;
    while ((e = arrivals.poll(10, TimeUnit.SECONDS)) != null) {
      if (wanted.test(e)) {
        return e;
      }
    }
    throw new AssertionError("the expected event did not come; events: " + events);
  }

  /** 200 ms of a 500 Hz tone at 24 kHz, little-endian. */
  /** The 20 ms windows (at 24 kHz) of {@code samples} louder than -40 dBFS, one after the other. */
  private static short[] sounding(short[] samples, int length) {
    int window = 480;
    short[] out = new short[length];
    int n = 0;
    for (int start = 0; start + window <= length; start += window) {
      if (SignalMetrics.rmsDbfs(samples, start, window) > -40) {
        System.arraycopy(samples, start, out, n, window);
        n += window;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  private static byte[] speech() {
    byte[] b = new byte[2 * 4800];
    for (int i = 0; i < 4800; i++) {
      short s = (short) Math.round(12_000 * Math.sin(2 * Math.PI * 500 * i / 24_000.0));
      b[2 * i] = (byte) s;
      b[2 * i + 1] = (byte) (s >> 8);
    }
    return b;
  }

  @Test
  void toolCallsRunAndTheirResultsGoBackToTheModelThenTheAnswerIsSpoken() throws Exception {
    byte[] text = ReplayServer.capture("chat-text.sse");
    // The answer's stream pauses after its first sentence until the TTS is asked for it: the
    // caller's first audio does not wait for the model to finish.
    // (The splitter ends a sentence at the white space after its '.', which " Is" brings.)
    int firstSentence = new String(text, StandardCharsets.UTF_8).indexOf("\" there\"");
    ReplayServer.Streamed answer = new ReplayServer.Streamed("text/event-stream", text, firstSentence, 1, 0);
    ReplayServer.Reply audio = ReplayServer.pieces("audio/pcm", speech(), 960);
    server.route("chat/completions",
        ReplayServer.pieces("text/event-stream", ReplayServer.capture("chat-tool-calls.sse"), 64), answer);
    server.route("audio/speech", exchange -> {
      answer.open();
      audio.write(exchange);
    });
    AgentSession session = session();

    playOut(session.replyToUser("A table for four tomorrow, please. And how is the weather in Paris?"));

    assertTrue(answer.openedByClient, "the first sentence was synthesised while the model was still streaming");
    List<String> tools = events.stream()
        .filter(e -> e instanceof AgentEvent.ToolExecuted).map(e -> ((AgentEvent.ToolExecuted) e).outcome().output()).toList();
    assertEquals(List.of("table for 4 tomorrow at 19:00", "sunny in Paris"), tools);
    List<ReplayServer.Recorded> chats = server.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList();
    assertEquals(2, chats.size());
    JsonNode second = json.readTree(chats.get(1).body()).get("messages");
    assertEquals(json.readTree("""
        [{"role":"system","content":"You take bookings."},
         {"role":"user","content":"A table for four tomorrow, please. And how is the weather in Paris?"},
         {"role":"assistant","content":null,"tool_calls":[
           {"id":"call_8fQw2Lr0","type":"function","function":{"name":"book_table","arguments":"{\\"day\\":\\"tomorrow\\",\\"partySize\\": 4}"}}]},
         {"role":"tool","tool_call_id":"call_8fQw2Lr0","content":"table for 4 tomorrow at 19:00"},
         {"role":"assistant","content":null,"tool_calls":[
           {"id":"call_Zk41mNq7","type":"function","function":{"name":"check_weather","arguments":"{\\"city\\": \\"Paris\\"}"}}]},
         {"role":"tool","tool_call_id":"call_Zk41mNq7","content":"sunny in Paris"}]"""), second);
    List<String> spoken = server.requests().stream().filter(r -> r.path().endsWith("/audio/speech"))
        .map(r -> r.bodyText().replaceAll(".*\"input\":\"([^\"]*)\".*", "$1")).toList();
    assertEquals(List.of("Certainly! I've booked a table for four tomorrow at seven.", "Is there anything else?"), spoken);
    awaitEvent(new AgentEvent.AgentTranscript("SP_1",
        "Certainly! I've booked a table for four tomorrow at seven. Is there anything else?", false)::equals);
    // Both sentences reached the caller at the level synthesised. Only the sounding part is
    // measured: how much silence surrounds it depends on scheduling, not on the session.
    short[] heard = sounding(ear.samples(), ear.length());
    double level = SignalMetrics.rmsDbfs(heard, 0, heard.length);
    assertTrue(heard.length >= 2 * 4800 && level > -20, heard.length + " sounding samples at " + level + " dBFS");
    session.close();
  }

  @Test
  void aFailingModelIsReportedAndTheNextTurnWorks() throws Exception {
    server.route("chat/completions",
        ReplayServer.status(500, "application/json", "{\"error\":{\"message\":\"The server had an error while processing your request.\"}}"),
        ReplayServer.pieces("text/event-stream", ReplayServer.capture("chat-text.sse"), 256));
    server.route("audio/speech", ReplayServer.pieces("audio/pcm", speech(), 960));
    AgentSession session = session();

    playOut(session.replyToUser("Hello?"));
    AgentEvent.Error error = (AgentEvent.Error) awaitEvent(e -> e instanceof AgentEvent.Error);
    assertEquals("openai at " + server.uri("chat/completions")
        + " answered HTTP 500: server error: The server had an error while processing your request.", error.cause().getMessage());

    playOut(session.replyToUser("Hello again?"));
    awaitEvent(e -> e instanceof AgentEvent.AgentTranscript t && t.speechId().equals("SP_2") && t.text().startsWith("Certainly!"));
    session.close();
  }
}
