package io.switchboard.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentMetrics;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.AgentState;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.UserState;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.ChatRole;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.agent.stt.sphinx.Sphinx4SpeechToText;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.ToolOutcome;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.agent.vad.silero.SileroVad;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller in a real room asks, with synthesised speech, for the opening hours. The agent (Silero
 * VAD, Sphinx4, a scripted model with a tool, FreeTTS) hears it, calls the tool, answers, and the
 * caller hears the answer. Time advances only by {@code room.tick()}; provider work runs on
 * virtual threads and is awaited with bounded waits.
 */
class AgentAnswersCallTest {
  static final class Receptionist extends Agent {
    Receptionist() {
      super("You are the receptionist of a small shop. Answer briefly.");
    }

    @FunctionTool("Today's opening hours")
    String openingHours() {
      return "nine to five";
    }
  }

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  private <T extends AgentEvent> T next(Class<T> type, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      AgentEvent e = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (e == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within " + seconds + " s");
      }
      if (type.isInstance(e)) {
        return type.cast(e);
      }
    }
  }

  @Test
  void callerAsksForOpeningHoursAndHearsTheAnswer() throws Exception {
    PcmRecorder question = new PcmRecorder(16_000);
    FreeTtsTextToSpeech tts = new FreeTtsTextToSpeech();
    tts.synthesize("What are your opening hours?", question::append);
    Sphinx4SpeechToText stt = SharedSphinx.get();

    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(1));
    Room room = rooms.getOrCreate("shop-line", RoomOptions.UNSET);
    ClipSource mouth = new ClipSource(16_000);
    PcmRecorder ear = new PcmRecorder(16_000);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "Caller", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.publishAudio("microphone", mouth);
    caller.subscribeMix(ear);

    AgentSession session = AgentSession.builder()
        .vad(SileroVad.load())
        .stt(stt)
        .llm(ScriptedLanguageModel.builder()
            .onUser("open|hour", ScriptedReply.callTool("opening_hours", "{}").thenSay("We are open {opening_hours}, Monday to Friday."))
            .build())
        .tts(tts)
        .executor(executor)
        .build();
    List<AgentEvent> all = new java.util.concurrent.CopyOnWriteArrayList<>();
    session.addListener(events::add);
    session.addListener(all::add);
    session.start(room, new Receptionist(), "agent-receptionist");
    ParticipantInfo agentInfo = room.participant("agent-receptionist").orElseThrow();
    assertEquals(ParticipantKind.AGENT, agentInfo.kind());

    // Half a second of quiet, the question, then a second and a half of quiet.
    tick(room, 25);
    mouth.play(question.samples());
    int questionFrames = question.length() / 320 + 1;
    tick(room, questionFrames + 75);
    int heardBeforeAnswer = ear.length();

    assertEquals(UserState.SPEAKING, next(AgentEvent.UserStateChanged.class, 5).newState());
    assertEquals(UserState.LISTENING, next(AgentEvent.UserStateChanged.class, 5).newState());
    String heard = next(AgentEvent.UserInputTranscribed.class, 120).transcript();
    System.out.println("agent heard: " + heard);
    assertTrue(heard.contains("hours") || heard.contains("open"), heard);

    AgentEvent.SpeechCreated created = next(AgentEvent.SpeechCreated.class, 30);
    assertEquals("user_turn", created.source());
    AgentEvent.ToolExecuted tool = next(AgentEvent.ToolExecuted.class, 30);
    assertEquals("opening_hours", tool.call().name());
    assertEquals(new ToolOutcome.Output("nine to five"), tool.outcome());
    SpeechHandle answer = created.speech();
    answer.synthesized().get(60, TimeUnit.SECONDS);

    int ticks = 0;
    while (!answer.done().isDone() && ticks++ < 20 * 50) {
      room.tick();
    }
    assertTrue(answer.done().isDone(), "answer played out within 20 s of ticks");
    tick(room, 10);
    assertFalse(answer.interrupted());

    // The caller heard nothing of itself, then the agent's voice.
    short[] ears = ear.samples();
    assertTrue(SignalMetrics.peak(ears, 0, heardBeforeAnswer) == 0, "mix-minus: the caller does not hear itself");
    int answerLength = ears.length - heardBeforeAnswer;
    assertTrue(answerLength > 16_000, "at least a second of answer");
    double level = SignalMetrics.rmsDbfs(ears, heardBeforeAnswer, answerLength);
    assertTrue(level > -40, "the answer is audible to the caller: " + level + " dBFS");

    // What the caller heard is recognisable speech: the agent's own recogniser agrees.
    String answerText = recognise(stt, ears, heardBeforeAnswer);
    System.out.println("caller heard: " + answerText);
    assertTrue(answerText.contains("open") || answerText.contains("five") || answerText.contains("friday"), answerText);

    AgentEvent.AgentTranscript said = next(AgentEvent.AgentTranscript.class, 10);
    assertEquals("We are open nine to five, Monday to Friday.", said.text());
    assertFalse(said.interrupted());

    List<ChatItem> chat = session.chatContext().items();
    assertEquals(ChatRole.USER, ((ChatItem.Message) chat.get(0)).role());
    assertEquals("opening_hours", ((ChatItem.FunctionCall) chat.get(1)).call().name());
    assertEquals("nine to five", ((ChatItem.FunctionCallOutput) chat.get(2)).output());
    assertEquals(ChatItem.Message.assistant("We are open nine to five, Monday to Friday."), chat.get(3));

    List<AgentState> states = all.stream().filter(e -> e instanceof AgentEvent.AgentStateChanged)
        .map(e -> ((AgentEvent.AgentStateChanged) e).newState()).toList();
    assertEquals(List.of(AgentState.LISTENING, AgentState.THINKING, AgentState.SPEAKING, AgentState.LISTENING), states);
    assertEquals("listening", room.participant("agent-receptionist").orElseThrow().attributes().get(AgentSession.STATE_ATTRIBUTE));
    for (Class<?> metric : List.of(AgentMetrics.EndOfUtterance.class, AgentMetrics.Stt.class, AgentMetrics.Llm.class,
        AgentMetrics.Tts.class, AgentMetrics.Turn.class)) {
      assertTrue(all.stream().anyMatch(e -> e instanceof AgentEvent.MetricsCollected m && metric.isInstance(m.metrics())), "no " + metric.getSimpleName() + " metrics");
    }
    session.close();
    assertFalse(room.participant("agent-receptionist").isPresent());
    tts.close();
  }

  private static void tick(Room room, int frames) {
    for (int i = 0; i < frames; i++) {
      room.tick();
    }
  }

  private static String recognise(Sphinx4SpeechToText stt, short[] pcm, int from) throws InterruptedException {
    BlockingQueue<SttEvent> results = new LinkedBlockingQueue<>();
    try (SttStream stream = stt.open(results::add)) {
      PcmFrame frame = new PcmFrame(16_000);
      for (int at = from; at + 320 <= pcm.length; at += 320) {
        System.arraycopy(pcm, at, frame.samples(), 0, 320);
        stream.push(frame);
      }
      stream.endOfSpeech();
      SttEvent e = results.poll(120, TimeUnit.SECONDS);
      assertNotNull(e, "no recognition of the caller's audio within 120 s");
      return ((SttEvent.Final) e).text();
    }
  }
}
