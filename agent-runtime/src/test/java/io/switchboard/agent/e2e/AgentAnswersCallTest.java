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
import io.switchboard.agent.audio.rnnoise.RnnoiseSuppressor;
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
    assertEquals(AgentState.LISTENING, next(AgentEvent.AgentStateChanged.class, 10).newState());

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

  @Test
  void callerCutsInTheAgentStopsWithinAFrameAndKeepsOnlyWhatWasHeard() throws Exception {
    FreeTtsTextToSpeech tts = new FreeTtsTextToSpeech();
    PcmRecorder interjection = new PcmRecorder(16_000);
    tts.synthesize("Sorry, can you repeat that?", interjection::append);
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(3));
    Room room = rooms.getOrCreate("barge-in", RoomOptions.UNSET);
    ClipSource mouth = new ClipSource(16_000);
    PcmRecorder ear = new PcmRecorder(16_000);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.publishAudio("microphone", mouth);
    caller.subscribeMix(ear);
    AgentSession session = AgentSession.builder()
        .vad(SileroVad.load())
        .stt(SharedSphinx.get())
        .llm(ScriptedLanguageModel.builder().onUser("repeat|sorry|that", ScriptedReply.say("Of course. We are open nine to five.")).build())
        .tts(tts)
        .executor(executor)
        .build();
    session.addListener(events::add);
    session.start(room, new Receptionist(), "agent");

    String monologue = "Thank you for calling the corner shop. We sell fresh bread, cheese, fruit and vegetables. "
        + "Our delivery service covers the whole town. Please ask me anything you like.";
    SpeechHandle speech = session.say(monologue);
    speech.synthesized().get(60, TimeUnit.SECONDS);
    tick(room, 100); // two seconds into the monologue
    int base = ear.length();
    mouth.play(interjection.samples());
    int onset = firstLoudFrame(interjection.samples());
    int pausedAt = -1;
    int frames = interjection.length() / 320 + 60;
    for (int t = 0; t < frames; t++) {
      room.tick();
      if (pausedAt < 0 && session.playout().paused()) {
        pausedAt = t;
      }
    }
    assertTrue(pausedAt >= 0, "the agent never stopped for the caller");
    // LiveKit's min interruption duration: 0.5 s (25 frames) of the caller's speech, as the VAD sees it.
    assertTrue(pausedAt >= onset + 20 && pausedAt <= onset + 25 + 12, "paused at frame " + pausedAt + ", voice from frame " + onset);
    short[] ears = ear.samples();
    assertTrue(SignalMetrics.peak(ears, base + (pausedAt - 10) * 320, 11 * 320) > 0, "the agent was talking until then");
    assertEquals(0, SignalMetrics.peak(ears, base + (pausedAt + 1) * 320, (frames - pausedAt - 1) * 320),
        "silent from the very next frame on");

    String heard = next(AgentEvent.UserInputTranscribed.class, 120).transcript();
    System.out.println("agent heard the interjection as: " + heard);
    AgentEvent.AgentTranscript cut = next(AgentEvent.AgentTranscript.class, 60);
    AgentEvent.SpeechCreated reply = next(AgentEvent.SpeechCreated.class, 30);
    assertEquals("user_turn", reply.source());
    assertTrue(cut.interrupted());
    System.out.println("caller heard of the monologue: " + cut.text());
    assertTrue(monologue.startsWith(cut.text()) && cut.text().length() < monologue.length() / 2, cut.text());
    assertTrue(cut.text().split(" ").length >= 3, "about 2.5 s of speech were heard: " + cut.text());
    assertTrue(speech.interrupted());
    reply.speech().synthesized().get(60, TimeUnit.SECONDS);
    for (int i = 0; i < 50 * 20 && !reply.speech().done().isDone(); i++) {
      room.tick();
    }
    assertEquals(new AgentEvent.AgentTranscript(reply.speech().id(), "Of course. We are open nine to five.", false),
        next(AgentEvent.AgentTranscript.class, 10));
    assertEquals(List.of(new ChatItem.Message(ChatRole.ASSISTANT, cut.text(), true), ChatItem.Message.user(heard),
        ChatItem.Message.assistant("Of course. We are open nine to five.")), session.chatContext().items());
    session.close();
    tts.close();
  }

  private static int firstLoudFrame(short[] pcm) {
    for (int f = 0; (f + 1) * 320 <= pcm.length; f++) {
      if (SignalMetrics.rmsDbfs(pcm, f * 320, 320) > -45) {
        return f;
      }
    }
    throw new AssertionError("no voice in the clip");
  }

  @Test
  void onANoisyLineRnnoiseCleansTheCallerBeforeTheAgentListens() throws Exception {
    FreeTtsTextToSpeech tts = new FreeTtsTextToSpeech();
    PcmRecorder question = new PcmRecorder(16_000);
    tts.synthesize("What are your opening hours?", question::append);
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(4));
    Room room = rooms.getOrCreate("noisy-line", RoomOptions.UNSET);
    ClipSource mouth = new ClipSource(16_000, 600, 5); // white noise at -35 dBFS all call long
    PcmRecorder ear = new PcmRecorder(16_000);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.publishAudio("microphone", mouth);
    caller.subscribeMix(ear);
    AgentSession session = AgentSession.builder()
        .noiseSuppressor(RnnoiseSuppressor.load())
        .vad(SileroVad.load())
        .stt(SharedSphinx.get())
        .llm(ScriptedLanguageModel.builder()
            .onUser("open|hour", ScriptedReply.callTool("opening_hours", "{}").thenSay("We are open {opening_hours}."))
            .build())
        .tts(tts)
        .executor(executor)
        .build();
    session.addListener(events::add);
    session.start(room, new Receptionist(), "agent");
    tick(room, 50); // a second of noise alone: no turn
    mouth.play(question.samples());
    tick(room, question.length() / 320 + 75);
    String heard = next(AgentEvent.UserInputTranscribed.class, 120).transcript();
    System.out.println("agent heard through the noise: " + heard);
    assertTrue(heard.contains("hours") || heard.contains("open"), heard);
    AgentEvent.SpeechCreated reply = next(AgentEvent.SpeechCreated.class, 30);
    reply.speech().synthesized().get(60, TimeUnit.SECONDS);
    for (int i = 0; i < 50 * 20 && !reply.speech().done().isDone(); i++) {
      room.tick();
    }
    assertEquals("We are open nine to five.", next(AgentEvent.AgentTranscript.class, 10).text());
    session.close();
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
