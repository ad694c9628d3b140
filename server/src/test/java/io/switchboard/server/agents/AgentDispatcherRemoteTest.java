package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.agent.AgentRegistry;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dispatches of agents that only a worker in another process runs ({@link RemoteAgents}). */
class AgentDispatcherRemoteTest {
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), ticks, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));
  private final FakeWorkers workers = new FakeWorkers();
  private final List<AgentDispatchEvent> events = new CopyOnWriteArrayList<>();
  /** The automatic decisions of started rooms, run by hand once their grace is over. */
  private final List<Runnable> graces = new ArrayList<>();
  private final AgentDispatcher dispatcher = dispatcher();

  @AfterEach
  void stop() {
    dispatcher.close();
    rooms.close();
    ticks.shutdownNow();
  }

  private AgentDispatcher dispatcher() {
    AgentDispatcher d = new AgentDispatcher(new AgentRegistry(), () -> {
      throw new AssertionError("no in-process session for a worker's agent");
    }, rooms, Runnable::run, new SplittableRandom(3), Clock.systemUTC());
    d.useRemoteAgents(workers, graces::add);
    d.addListener(events::add);
    return d;
  }

  @Test
  void aRuleNamingAWorkersAgentIsAnsweredOnceItsAgentJoined() throws Exception {
    rooms.getOrCreate("call", RoomOptions.UNSET);
    CompletableFuture<Void> listening = dispatcher.dispatch("call", List.of(new RoomAgentDispatch("tone-bot", "m", Map.of())))
        .toCompletableFuture();
    Started job = workers.started.getFirst();
    assertEquals("call", job.request.roomName());
    assertEquals("tone-bot", job.request.agentName());
    assertEquals("m", job.request.metadata());
    assertTrue(job.request.dispatchId().startsWith("AD_") && job.request.jobId().startsWith("AJ_"), job.request.toString());
    assertFalse(listening.isDone(), "the call waits for the worker's agent");

    job.joined.complete("bot-7");
    listening.get();
    assertEquals(new AgentDispatchEvent.Listening("call", "tone-bot", "bot-7"), events.getLast());
    AgentDispatchInfo info = dispatcher.list("call").getFirst();
    assertEquals("bot-7", info.identity(), "ListDispatch names the identity the worker chose");
    assertTrue(info.listening());

    job.ended.complete("the agent left the room");
    assertEquals(new AgentDispatchEvent.Left("call", "tone-bot", "the agent left the room"), events.getLast());
    assertEquals(List.of(), dispatcher.list("call"));
  }

  @Test
  void noWorkerTakingTheJobFailsTheDispatchSoTheCallIsRefused() {
    rooms.getOrCreate("call", RoomOptions.UNSET);
    CompletableFuture<Void> listening = dispatcher.dispatch("call", List.of(new RoomAgentDispatch("tone-bot")))
        .toCompletableFuture();
    workers.started.getFirst().joined.completeExceptionally(new IllegalStateException("no available worker"));
    ExecutionException failed = assertThrows(ExecutionException.class, listening::get);
    assertTrue(failed.getCause().getMessage().contains("no available worker"), failed.getCause().getMessage());
    assertInstanceOf(AgentDispatchEvent.Failed.class, events.getLast());
    assertEquals(List.of(), dispatcher.list("call"));
  }

  @Test
  void deletingTheDispatchTerminatesTheJob() throws Exception {
    AgentDispatchInfo created = dispatcher.create("desk", "tone-bot", "ticket 7");
    Started job = workers.started.getFirst();
    job.joined.complete("agent-" + created.jobId());
    dispatcher.delete("desk", created.dispatchId());
    assertEquals(List.of("its dispatch was deleted"), job.terminations);
  }

  @Test
  void namesAreKnownOnlyWhileAWorkerServesThem() {
    assertEquals(Set.of("tone-bot"), dispatcher.agentNames());
    workers.names = Set.of();
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> dispatcher.create("desk", "tone-bot", ""));
    assertTrue(unknown.getMessage().contains("no agent named 'tone-bot'"), unknown.getMessage());
  }

  @Test
  void aRoomStartedWithoutExplicitAgentsGetsAJobForTheUnnamedWorkersOnceItsGraceIsOver() {
    workers.automatic = Set.of("");
    rooms.getOrCreate("lobby", RoomOptions.UNSET);
    assertEquals(List.of(), workers.started, "nothing before the grace is over");
    endGraces();

    Started job = workers.started.getFirst();
    assertEquals("lobby", job.request.roomName());
    assertEquals("", job.request.agentName(), "LiveKit's automatic dispatch has no agent name");
    assertEquals("", job.request.namespace());
    AgentDispatchInfo listed = dispatcher.list("lobby").getFirst();
    assertEquals("", listed.agentName(), "ListDispatch lists the automatic dispatch");
    assertEquals(job.request.dispatchId(), listed.dispatchId());
    assertEquals(1, workers.started.size());
  }

  @Test
  void roomsCreatedWithExplicitAgentsGetOnlyThose() {
    workers.automatic = Set.of("");
    RoomConfigDispatch config = new RoomConfigDispatch(dispatcher);
    List<io.switchboard.sfu.room.RoomConfigHooks.AgentRequest> named =
        List.of(new io.switchboard.sfu.room.RoomConfigHooks.AgentRequest("tone-bot", ""));
    // A token's roomConfig or CreateRoom's agents, a SIP rule's room_config.agents, CreateDispatch.
    rooms.getOrCreate("token-room", RoomOptions.UNSET, created -> config.roomCreated(created.name(), named));
    rooms.getOrCreate("sip-room", RoomOptions.UNSET);
    dispatcher.dispatch("sip-room", List.of(new RoomAgentDispatch("tone-bot")));
    dispatcher.create("api-room", "tone-bot", "");
    endGraces();

    assertEquals(List.of("tone-bot", "tone-bot", "tone-bot"),
        workers.started.stream().map(s -> s.request.agentName()).toList(), "no automatic job in any of them");
  }

  @Test
  void withoutUnnamedWorkersNoRoomGetsAnAutomaticJobAndACallIsAnsweredAtOnce() {
    rooms.getOrCreate("call", RoomOptions.UNSET);
    assertTrue(dispatcher.automatic("call").toCompletableFuture().isDone(), "the call does not wait");
    endGraces();
    assertEquals(List.of(), workers.started);
    assertEquals(List.of(), dispatcher.list("call"));
  }

  @Test
  void aCallByARuleWithoutAgentsIsAnsweredOnceTheAutomaticAgentJoinedWithOneJobPerNamespace() throws Exception {
    workers.automatic = Set.of("", "support");
    rooms.getOrCreate("call", RoomOptions.UNSET);
    CompletableFuture<Void> answerable = dispatcher.automatic("call").toCompletableFuture();
    assertEquals(List.of("", "support"), workers.started.stream().map(s -> s.request.namespace()).sorted().toList(),
        "decided at once, without waiting out the grace");
    assertFalse(answerable.isDone(), "the call waits for the automatic agents");

    endGraces();
    CompletableFuture<Void> again = dispatcher.automatic("call").toCompletableFuture();
    assertEquals(2, workers.started.size(), "one job per room and namespace, however often it is asked");

    workers.started.get(0).joined.complete("agent-a");
    assertFalse(answerable.isDone());
    workers.started.get(1).joined.complete("agent-b");
    answerable.get();
    again.get();
    assertEquals(List.of(true, true), dispatcher.list("call").stream().map(AgentDispatchInfo::listening).toList());
  }

  @Test
  void anAutomaticJobNoWorkerTakesFailsTheWaitingCall() {
    workers.automatic = Set.of("");
    rooms.getOrCreate("call", RoomOptions.UNSET);
    CompletableFuture<Void> answerable = dispatcher.automatic("call").toCompletableFuture();
    workers.started.getFirst().joined.completeExceptionally(new IllegalStateException("no available worker"));
    ExecutionException failed = assertThrows(ExecutionException.class, answerable::get);
    assertTrue(failed.getCause().getMessage().contains("no available worker"), failed.getCause().getMessage());
  }

  @Test
  void aRoomOfTheSameNameStartedAgainIsDecidedAfresh() {
    workers.automatic = Set.of("");
    rooms.getOrCreate("desk", RoomOptions.UNSET);
    dispatcher.create("desk", "tone-bot", "");
    rooms.delete("desk");
    rooms.getOrCreate("desk", RoomOptions.UNSET);
    endGraces();
    assertEquals(List.of("tone-bot", ""), workers.started.stream().map(s -> s.request.agentName()).toList());
  }

  private void endGraces() {
    List<Runnable> due = List.copyOf(graces);
    graces.clear();
    due.forEach(Runnable::run);
  }

  private record Started(
      RemoteAgents.JobRequest request, CompletableFuture<String> joined, CompletableFuture<String> ended,
      List<String> terminations) {}

  private static final class FakeWorkers implements RemoteAgents {
    final List<Started> started = new ArrayList<>();
    volatile Set<String> names = Set.of("tone-bot");
    volatile Set<String> automatic = Set.of();

    @Override
    public Set<String> automaticNamespaces() {
      return automatic;
    }

    @Override
    public Set<String> names() {
      return names;
    }

    @Override
    public RemoteJob start(JobRequest request) {
      Started s = new Started(request, new CompletableFuture<>(), new CompletableFuture<>(), new ArrayList<>());
      started.add(s);
      return new RemoteJob(s.joined, s.ended, reason -> {
        s.terminations.add(reason);
        s.ended.complete(reason);
      });
    }
  }
}
