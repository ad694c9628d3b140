package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentRegistry;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.TtsOutput;
import io.switchboard.agent.vad.EnergyVad;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher against real rooms and real sessions whose providers hear and say nothing: who
 * joins, when the stage completes, reuse, and that agents never outstay the callers.
 */
class AgentDispatcherTest {
  static final SpeechToText DEAF = new SpeechToText() {
    @Override
    public int sampleRate() {
      return 16_000;
    }

    @Override
    public boolean interimResults() {
      return false;
    }

    @Override
    public SttStream open(Consumer<SttEvent> events) {
      return new SttStream() {
        @Override
        public void push(PcmFrame frame) {}

        @Override
        public void endOfSpeech() {
          events.accept(new SttEvent.SegmentDone());
        }

        @Override
        public void close() {}
      };
    }
  };

  static final TextToSpeech MUTE = new TextToSpeech() {
    @Override
    public int sampleRate() {
      return 16_000;
    }

    @Override
    public void synthesize(String text, TtsOutput out) {}
  };

  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService sessionThreads = Executors.newVirtualThreadPerTaskExecutor();
  private final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));
  private final AgentRegistry registry = new AgentRegistry();
  private final List<AgentDispatchEvent> events = new CopyOnWriteArrayList<>();
  private final BlockingQueue<AgentDispatchEvent> departures = new LinkedBlockingQueue<>();
  private final List<Runnable> held = new ArrayList<>();

  @AfterEach
  void stop() {
    rooms.close();
    ticks.shutdownNow();
    sessionThreads.shutdownNow();
  }

  private AgentDispatcher dispatcher(Executor executor) {
    registry.register("greeter", () -> new Agent("Greet callers."));
    SessionFactory sessions = () -> AgentSession.builder().vad(new EnergyVad()).stt(DEAF)
        .llm(ScriptedLanguageModel.builder().build()).tts(MUTE).executor(sessionThreads).build();
    AgentDispatcher dispatcher = new AgentDispatcher(registry, sessions, rooms, executor, new SplittableRandom(2), Clock.systemUTC());
    dispatcher.addListener(events::add);
    dispatcher.addListener(e -> {
      if (e instanceof AgentDispatchEvent.Left) {
        departures.add(e);
      }
    });
    return dispatcher;
  }

  private LocalParticipant caller(String room) {
    return rooms.getOrCreate(room, RoomOptions.UNSET)
        .join(new ParticipantSpec("sip_alice", "Phone alice", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
  }

  private List<ParticipantInfo> agentsIn(String room) {
    return rooms.room(room).map(Room::participants).orElse(List.of()).stream()
        .filter(p -> p.kind() == ParticipantKind.AGENT).toList();
  }

  private static RoomAgentDispatch greeter() {
    return new RoomAgentDispatch("greeter", "", Map.of("desk", "front"));
  }

  @Test
  void anAgentJoinsListeningAndASecondDispatchReusesIt() throws Exception {
    AgentDispatcher dispatcher = dispatcher(Runnable::run);
    caller("front");
    CompletableFuture<Void> first = dispatcher.dispatch("front", List.of(greeter())).toCompletableFuture();
    assertTrue(first.isDone() && !first.isCompletedExceptionally());
    List<ParticipantInfo> agents = agentsIn("front");
    assertEquals(1, agents.size());
    assertTrue(agents.getFirst().identity().startsWith("agent-AJ_"), agents.getFirst().identity());
    assertEquals("listening", agents.getFirst().attributes().get(AgentSession.STATE_ATTRIBUTE));
    assertEquals("front", agents.getFirst().attributes().get("desk"), "the dispatch's attributes");

    assertTrue(dispatcher.dispatch("front", List.of(greeter())).toCompletableFuture().isDone());
    assertEquals(1, agentsIn("front").size(), "the agent already there serves the next call");
    assertEquals(List.of(AgentDispatchEvent.Starting.class, AgentDispatchEvent.Listening.class),
        events.stream().map(Object::getClass).toList());
  }

  @Test
  void theAgentLeavesOnceEveryoneElseHas() throws Exception {
    AgentDispatcher dispatcher = dispatcher(Runnable::run);
    LocalParticipant caller = caller("front");
    dispatcher.dispatch("front", List.of(greeter()));
    caller.leave(DisconnectReason.CLIENT_INITIATED);
    assertEquals(List.of(), agentsIn("front"));
    // Told from the session's event thread once it has closed.
    assertEquals(new AgentDispatchEvent.Left("front", "greeter", "everyone else left the room"),
        departures.poll(10, TimeUnit.SECONDS));
  }

  @Test
  void aCallerGoneBeforeTheAgentJoinedLeavesNoAgentBehind() {
    AgentDispatcher dispatcher = dispatcher(held::add);
    LocalParticipant caller = caller("front");
    CompletableFuture<Void> arrival = dispatcher.dispatch("front", List.of(greeter())).toCompletableFuture();
    caller.leave(DisconnectReason.CLIENT_INITIATED);
    held.forEach(Runnable::run);

    assertTrue(arrival.isCompletedExceptionally());
    assertEquals(List.of(), agentsIn("front"));
    var failed = assertInstanceOf(AgentDispatchEvent.Failed.class, events.getLast());
    assertEquals("agent 'greeter' did not join room front: everyone else left the room before agent 'greeter' joined",
        failed.reason());
  }

  @Test
  void anUnknownNameOrAFailingAgentFailsTheDispatch() throws Exception {
    AgentDispatcher dispatcher = dispatcher(Runnable::run);
    registry.register("broken", () -> {
      throw new IllegalStateException("menu file missing");
    });
    caller("front");
    var unknown = assertThrows(ExecutionException.class,
        () -> dispatcher.dispatch("front", List.of(new RoomAgentDispatch("sales"))).toCompletableFuture().get());
    assertEquals("no agent named 'sales' is registered (known: [broken, greeter])", unknown.getCause().getMessage());
    var broken = assertThrows(ExecutionException.class,
        () -> dispatcher.dispatch("front", List.of(new RoomAgentDispatch("broken"))).toCompletableFuture().get());
    assertEquals("agent 'broken' did not join room front: menu file missing", broken.getCause().getMessage());
    assertEquals(List.of(), agentsIn("front"));
  }

  @Test
  void anExplicitDispatchCreatesItsRoomAndStaysWithoutCallersUntilDeleted() throws Exception {
    AgentDispatcher dispatcher = dispatcher(Runnable::run);
    AgentDispatchInfo created = dispatcher.create("desk", "greeter", "{\"vip\":true}");
    assertTrue(created.dispatchId().matches("AD_[0-9A-Za-z]{12}"), created.dispatchId());
    assertEquals("agent-" + created.jobId(), created.identity());
    List<ParticipantInfo> agents = agentsIn("desk");
    assertEquals(List.of(created.identity()), agents.stream().map(ParticipantInfo::identity).toList());
    var starting = assertInstanceOf(AgentDispatchEvent.Starting.class, events.getFirst());
    assertEquals(new io.switchboard.agent.JobInfo(created.jobId(), created.dispatchId(), "desk", "greeter", "{\"vip\":true}"),
        starting.session().job(), "the agent reads its dispatch through the session");

    caller("desk").leave(DisconnectReason.CLIENT_INITIATED);
    assertEquals(1, agentsIn("desk").size(), "an explicit dispatch does not follow the callers out");
    AgentDispatchInfo listed = dispatcher.list("desk").getFirst();
    assertTrue(listed.listening() && listed.explicit());

    assertEquals(created.dispatchId(), dispatcher.delete("desk", created.dispatchId()).orElseThrow().dispatchId());
    assertEquals(List.of(), agentsIn("desk"));
    assertEquals(new AgentDispatchEvent.Left("desk", "greeter", "its dispatch was deleted"),
        departures.poll(10, TimeUnit.SECONDS));
    assertEquals(List.of(), dispatcher.list("desk"));
    assertTrue(dispatcher.delete("desk", created.dispatchId()).isEmpty(), "deleted once");
  }

  @Test
  void aRoomConfigurationDispatchIsListedAndPassesItsMetadata() {
    AgentDispatcher dispatcher = dispatcher(Runnable::run);
    caller("front");
    dispatcher.dispatch("front", List.of(new RoomAgentDispatch("greeter", "caller is a regular", Map.of())));
    AgentDispatchInfo listed = dispatcher.list("front").getFirst();
    assertEquals("caller is a regular", listed.metadata());
    assertTrue(listed.listening() && !listed.explicit());
    var starting = assertInstanceOf(AgentDispatchEvent.Starting.class, events.getFirst());
    assertEquals("caller is a regular", starting.session().job().metadata());
    assertEquals(1, dispatcher.sessionCount());
    assertThrows(IllegalArgumentException.class, () -> dispatcher.create("front", "sales", ""));
  }
}
