package io.switchboard.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.EndpointingOptions;
import io.switchboard.agent.InterruptionOptions;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.TurnHandling;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller cuts in and the recogniser takes longer than the max endpointing delay while the
 * agent's speech stays paused and the room keeps ticking: once the words come, the paused speech
 * is cut and the answer is played.
 */
class SlowRecogniserCutTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();
  private final java.util.List<AgentEvent> all = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final CompletableFuture<Consumer<SttEvent>> recogniser = new CompletableFuture<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  private final SpeechToText slow = TestSpeech.toldByTheTest(recogniser);


  @Test
  void theAnswerPlaysAfterAPausedSpeechIsCutByLateWords() throws Exception {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(2));
    Room room = rooms.getOrCreate("slow", RoomOptions.UNSET);
    ClipSource mouth = new ClipSource(16_000);
    PcmRecorder ear = new PcmRecorder(16_000);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.publishAudio("microphone", mouth);
    caller.subscribeMix(ear);
    AgentSession session = AgentSession.builder().vad(new EnergyVad()).stt(slow)
        .llm(ScriptedLanguageModel.builder().onUser("table", ScriptedReply.say("Let me check.")).build())
        .tts(new io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech()).executor(executor)
        .turnHandling(new TurnHandling(EndpointingOptions.DEFAULT,
            new InterruptionOptions(true, Duration.ofMillis(500), true, Duration.ofMinutes(4))))
        .build();
    session.addListener(events::add);
    session.addListener(all::add);
    session.start(room, new Agent("Help."), "agent");
    SpeechHandle greeting = session.say("Hello, you are through to the Corner Bistro. How can I help?");
    greeting.synthesized().get(10, TimeUnit.SECONDS);
    tick(room, 50);
    short[] voice = new short[16_000 * 2];
    for (int i = 0; i < voice.length; i++) {
      voice[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 16_000.0));
    }
    mouth.play(voice);
    tick(room, 100 + 400); // two seconds of the caller, then eight quiet seconds: past the 6 s max delay
    assertTrue(session.playout().paused(), "the greeting waits, paused");
    recogniser.get(1, TimeUnit.SECONDS).accept(new SttEvent.Final("can I book a table", Double.NaN));
    recogniser.get().accept(new SttEvent.SegmentDone());
    assertEquals("can I book a table", next(AgentEvent.UserInputTranscribed.class).transcript(),
        "the words are told before the turn they commit");
    next(AgentEvent.MetricsCollected.class, m -> m.metrics() instanceof io.switchboard.agent.AgentMetrics.EndOfUtterance);
    AgentEvent.SpeechCreated reply = next(AgentEvent.SpeechCreated.class, s -> s.source().equals("user_turn"));
    reply.speech().synthesized().get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 500 && !reply.speech().done().isDone(); i++) {
      room.tick();
    }
    assertTrue(greeting.interrupted());
    assertEquals("Let me check.", next(AgentEvent.AgentTranscript.class, t -> t.speechId().equals(reply.speech().id())).text(),
        all.toString());
  }

  private static void tick(Room room, int frames) {
    for (int i = 0; i < frames; i++) {
      room.tick();
    }
  }

  private <T extends AgentEvent> T next(Class<T> type) throws InterruptedException {
    return next(type, e -> true);
  }

  private <T extends AgentEvent> T next(Class<T> type, java.util.function.Predicate<T> test) throws InterruptedException {
    while (true) {
      AgentEvent e = events.poll(10, TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("no " + type.getSimpleName());
      }
      if (type.isInstance(e) && test.test(type.cast(e))) {
        return type.cast(e);
      }
    }
  }
}
