package io.switchboard.agent.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.agent.vad.VadOptions;
import io.switchboard.agent.vad.VadStream;
import io.switchboard.agent.vad.VoiceActivityDetector;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.media.testing.SignalMetrics;
import io.switchboard.sfu.room.LocalParticipant;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exceptions on threads the session does not own (the room's media tick, the event thread of
 * listeners) are reported and contained: the room keeps carrying audio, the other listeners keep
 * hearing events, and the session answers the next turn.
 */
class CallbackFailuresTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final List<AgentEvent> events = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Consumer<SttEvent>> recogniser = new CompletableFuture<>();
  private volatile boolean vadBroken;
  private Room room;

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  @Test
  void aListenerThatThrowsDoesNotHideEventsFromTheOtherListeners() throws Exception {
    AgentSession session = session();
    session.addListener(e -> {
      throw new IllegalStateException("a buggy dashboard");
    });
    session.addListener(events::add); // after the failing one
    CompletableFuture<AgentEvent> heard = when(session, e -> e instanceof AgentEvent.AgentTranscript);
    session.start(room, new Agent("Be brief."), "agent");
    SpeechHandle hello = session.say("Hello there.");
    playOut(hello);
    assertEquals(new AgentEvent.AgentTranscript(hello.id(), "Hello there.", false), heard.get(10, TimeUnit.SECONDS), events.toString());
  }

  @Test
  void aVoiceDetectorThatFailsOnTheMediaTickIsReportedOnceAndTheRoomPlaysOn() throws Exception {
    AgentSession session = session();
    session.addListener(events::add);
    session.start(room, new Agent("Be brief."), "agent");
    // Joined after the agent: its mix is delivered after the agent's in each tick.
    PcmRecorder supervisor = new PcmRecorder(16_000);
    room.join(new ParticipantSpec("supervisor", "", ParticipantKind.STANDARD, "", Map.of()), ParticipantListener.NONE)
        .subscribeMix(supervisor);

    vadBroken = true;
    CompletableFuture<AgentEvent> reported = when(session, e -> e instanceof AgentEvent.AgentTranscript);
    SpeechHandle hello = session.say("Hello there, still here.");
    playOut(hello);
    reported.get(10, TimeUnit.SECONDS); // every event of the played speech has been delivered // each tick's VAD throws; without containment room.tick() would throw here
    double level = SignalMetrics.rmsDbfs(supervisor.samples(), 0, supervisor.length());
    assertTrue(supervisor.length() > 8_000 && level > -40, "the supervisor heard the agent: " + supervisor.length() + " samples at " + level + " dBFS");
    List<AgentEvent.Error> errors = events.stream().filter(AgentEvent.Error.class::isInstance).map(AgentEvent.Error.class::cast).toList();
    assertEquals(1, errors.size(), "one report per run of failures: " + errors);
    assertEquals("caller audio", errors.get(0).where());
    assertEquals("onnx session closed", errors.get(0).cause().getMessage());

    vadBroken = false; // the model recovers: the caller is heard and answered again
    mouth.play(tone(16_000));
    tickUntil(recogniser::isDone);
    recogniser.get(1, TimeUnit.SECONDS).accept(new SttEvent.Final("are you there", Double.NaN));
    recogniser.get().accept(new SttEvent.SegmentDone());
    CompletableFuture<SpeechHandle> answer = new CompletableFuture<>();
    session.addListener(e -> {
      if (e instanceof AgentEvent.SpeechCreated c && c.source().equals("user_turn")) {
        answer.complete(c.speech());
      }
    });
    tickUntil(answer::isDone); // the endpointing delay passes in room time
    SpeechHandle reply = answer.get(10, TimeUnit.SECONDS);
    CompletableFuture<AgentEvent> said = when(session, e -> e instanceof AgentEvent.AgentTranscript t && t.speechId().equals(reply.id()));
    playOut(reply);
    assertEquals(new AgentEvent.AgentTranscript(reply.id(), "Yes, I am here.", false), said.get(10, TimeUnit.SECONDS), events.toString());
  }

  private final ClipSource mouth = new ClipSource(16_000);

  /**
   * Ticks the room until {@code done}: the session reacts on its own threads, which a loaded
   * machine may run late, so a fixed number of ticks could end before it did (bounded at 10 s).
   */
  private void tickUntil(java.util.function.BooleanSupplier done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      room.tick();
      Thread.onSpinWait();
    }
  }

  /** The first event of {@code session} from now on that passes {@code test}. */
  private static CompletableFuture<AgentEvent> when(AgentSession session, java.util.function.Predicate<AgentEvent> test) {
    CompletableFuture<AgentEvent> found = new CompletableFuture<>();
    session.addListener(e -> {
      if (test.test(e)) {
        found.complete(e);
      }
    });
    return found;
  }

  private AgentSession session() {
    RoomManager rooms = new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, executor, RoomOptions.UNSET, new Random(4));
    room = rooms.getOrCreate("failures", RoomOptions.UNSET);
    LocalParticipant caller = room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    caller.publishAudio("microphone", mouth);
    return AgentSession.builder().vad(flaky).stt(toldByTheTest)
        .llm(ScriptedLanguageModel.builder().onUser("there", ScriptedReply.say("Yes, I am here.")).build())
        .tts(TestSpeech.TONE).executor(executor).build();
  }

  private void playOut(SpeechHandle speech) throws Exception {
    speech.synthesized().get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 1000 && !speech.done().isDone(); i++) {
      room.tick();
    }
    speech.done().get(10, TimeUnit.SECONDS);
  }

  private static short[] tone(int samples) {
    short[] voice = new short[samples];
    for (int i = 0; i < voice.length; i++) {
      voice[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 16_000.0));
    }
    return voice;
  }

  /** The energy VAD, failing on every frame while {@link #vadBroken} (as an ONNX session might). */
  private final VoiceActivityDetector flaky = new VoiceActivityDetector() {
    private final EnergyVad energy = new EnergyVad();

    @Override
    public int sampleRate() {
      return energy.sampleRate();
    }

    @Override
    public VadOptions options() {
      return energy.options();
    }

    @Override
    public VadStream open() {
      VadStream inner = energy.open();
      return frame -> {
        if (vadBroken) {
          throw new IllegalStateException("onnx session closed");
        }
        return inner.process(frame);
      };
    }
  };

  private final SpeechToText toldByTheTest = TestSpeech.toldByTheTest(recogniser);

}
