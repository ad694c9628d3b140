package io.switchboard.server.agents;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentRegistry;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.JobInfo;
import io.switchboard.agent.phone.PhoneLines;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sip.room.RoomAgents;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs agents in rooms, in this process: a dispatch ({@code AD_...}) creates the named agent from
 * the registry, builds its session and joins it to the room (as {@code agent-AJ_...}, kind AGENT)
 * with the dispatch's metadata as its {@link JobInfo}; the stage completes once it listens.
 *
 * <p>Dispatches from a room configuration ({@link #dispatch}) reuse an agent already in the room
 * under that name, and leave when no non-agent participant is left in their room, so a refused
 * call (and a caller who hung up) leaves no agent behind. Explicit dispatches ({@link #create},
 * LiveKit's AgentDispatchService) create the room if needed and stay until deleted or the room
 * closes.
 *
 * <p>A name no in-process agent has goes to a worker in another process ({@link RemoteAgents}:
 * LiveKit's Agents framework over {@code /agent}), whose agent listens once it receives the caller. Rooms
 * started without explicit agents get LiveKit's automatic dispatch ({@link AutomaticDispatch}).
 */
public final class AgentDispatcher implements RoomAgents, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentDispatcher.class);

  private final AgentRegistry registry;
  private final SessionFactory sessions;
  private final RoomManager rooms;
  private final Executor executor;
  private final Ids ids;
  private final Clock clock;
  private final RoomAgentSessions running = new RoomAgentSessions();
  private final List<Consumer<AgentDispatchEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile PhoneLines phoneLines = PhoneLines.NONE;
  private volatile RemoteAgents remote = RemoteAgents.NONE;
  private final AutomaticDispatch automatic;

  /** @param executor where agents are created and joined (virtual threads: may block on model loading) */
  public AgentDispatcher(
      AgentRegistry registry,
      SessionFactory sessions,
      RoomManager rooms,
      Executor executor,
      RandomGenerator random,
      Clock clock) {
    this.registry = registry;
    this.sessions = sessions;
    this.rooms = rooms;
    this.executor = executor;
    this.ids = new Ids(random);
    this.clock = clock;
    this.automatic = new AutomaticDispatch(rooms, running, this::launchAutomatic);
    rooms.addListener(this::onRoomEvent);
  }

  /** The phone lines agents started from now on reach through {@code session.phone()}. */
  public void usePhoneLines(PhoneLines lines) {
    this.phoneLines = java.util.Objects.requireNonNull(lines, "lines");
  }

  /**
   * Workers in other processes take the dispatches of agent names no in-process agent has, and
   * (registered without a name) the automatic dispatch of rooms started without explicit agents.
   */
  public void useRemoteAgents(RemoteAgents agents) {
    useRemoteAgents(agents, java.util.concurrent.CompletableFuture.delayedExecutor(
        AutomaticDispatch.GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS, executor));
  }

  /** As {@link #useRemoteAgents(RemoteAgents)}; {@code afterGrace} runs the automatic decisions of started rooms. */
  public void useRemoteAgents(RemoteAgents agents, Executor afterGrace) {
    this.remote = java.util.Objects.requireNonNull(agents, "agents");
    automatic.use(agents::automaticNamespaces, java.util.Objects.requireNonNull(afterGrace, "afterGrace"));
  }

  /** Listeners are called synchronously on the dispatching thread; they must not block for long. */
  public void addListener(Consumer<AgentDispatchEvent> listener) {
    listeners.add(listener);
  }

  /** In-process agents and those with a registered worker. */
  public Set<String> agentNames() {
    Set<String> remoteNames = remote.names();
    if (remoteNames.isEmpty()) {
      return registry.names();
    }
    Set<String> all = new java.util.TreeSet<>(registry.names());
    all.addAll(remoteNames);
    return all;
  }

  @Override
  public CompletionStage<Void> dispatch(String roomName, List<RoomAgentDispatch> agents) {
    for (RoomAgentDispatch agent : agents) {
      Optional<String> unknown = unknown(agent.agentName());
      if (unknown.isPresent()) {
        log.warn("agent dispatch refused room={}: {}", roomName, unknown.get());
        emit(new AgentDispatchEvent.Failed(roomName, agent.agentName(), unknown.get()));
        return CompletableFuture.failedFuture(new IllegalArgumentException(unknown.get()));
      }
    }
    if (!agents.isEmpty()) {
      rooms.room(roomName).ifPresent(r -> automatic.explicit(r.sid()));
    }
    CompletableFuture<?>[] arrivals = new CompletableFuture<?>[agents.size()];
    for (int i = 0; i < arrivals.length; i++) {
      RoomAgentSessions.Claim claim = running.claimByName(entry(roomName, agents.get(i), false));
      if (claim.isNew()) {
        executor.execute(() -> start(claim.entry()));
      }
      arrivals[i] = claim.entry().listening();
    }
    return CompletableFuture.allOf(arrivals);
  }

  /**
   * LiveKit's CreateDispatch: a new agent for {@code roomName} (created if missing), even if
   * one of that name is already there. Returns at once; the agent joins in the background.
   *
   * @throws IllegalArgumentException when no agent of that name is registered
   */
  public AgentDispatchInfo create(String roomName, String agentName, String metadata) {
    unknown(agentName).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    automatic.explicit(rooms.getOrCreate(roomName, RoomOptions.UNSET).sid());
    RoomAgentSessions.Entry entry = entry(roomName, new RoomAgentDispatch(agentName, metadata, Map.of()), true);
    running.add(entry);
    log.info("agent dispatch created room={} agent={} dispatch={}", roomName, agentName, entry.dispatchId());
    executor.execute(() -> start(entry));
    return entry.info();
  }

  /** Namespaces of the workers registered without an agent name, which get new rooms' automatic jobs. */
  public Set<String> automaticNamespaces() {
    return automatic.namespaces();
  }

  @Override
  public CompletionStage<Void> automatic(String roomName) {
    return automatic.forCall(roomName);
  }

  private CompletableFuture<Void> launchAutomatic(String roomName, String namespace) {
    RoomAgentSessions.Entry entry = new RoomAgentSessions.Entry(roomName, new RoomAgentDispatch("", "", Map.of()),
        ids.next("AD_"), ids.next("AJ_"), clock.instant(), false, namespace);
    running.add(entry);
    log.info("automatic agent dispatch room={} namespace='{}' dispatch={}", roomName, namespace, entry.dispatchId());
    executor.execute(() -> start(entry));
    return entry.listening();
  }

  /** The room's dispatches (explicit and from room configurations), oldest first. */
  public List<AgentDispatchInfo> list(String roomName) {
    return running.inRoom(roomName).stream().map(RoomAgentSessions.Entry::info).toList();
  }

  /** LiveKit's DeleteDispatch: the dispatch is forgotten and its agent leaves the room. */
  public Optional<AgentDispatchInfo> delete(String roomName, String dispatchId) {
    Optional<RoomAgentSessions.Entry> taken = running.take(roomName, dispatchId, "its dispatch was deleted");
    taken.ifPresent(e -> {
      log.info("agent dispatch deleted room={} agent={} dispatch={}", roomName, e.agentName(), dispatchId);
      running.sessionOf(e).ifPresent(AgentSession::close);
    });
    return taken.map(RoomAgentSessions.Entry::info);
  }

  /** How many agent sessions run (joining or in a room). */
  public int sessionCount() {
    return running.sessions();
  }

  private Optional<String> unknown(String agentName) {
    Set<String> known = agentNames();
    return known.contains(agentName)
        ? Optional.empty()
        : Optional.of("no agent named '" + agentName + "' is registered (known: " + known + ")");
  }

  private RoomAgentSessions.Entry entry(String roomName, RoomAgentDispatch dispatch, boolean explicit) {
    return new RoomAgentSessions.Entry(
        roomName, dispatch, ids.next("AD_"), ids.next("AJ_"), clock.instant(), explicit);
  }

  private void start(RoomAgentSessions.Entry entry) {
    RoomAgentDispatch dispatch = entry.dispatch();
    String name = dispatch.agentName();
    String roomName = entry.roomName();
    if (!registry.names().contains(name)) {
      startRemote(entry);
      return;
    }
    try {
      Room room = rooms.room(roomName).orElseThrow(() -> new IllegalStateException("room " + roomName + " is gone"));
      Agent agent = registry.create(name);
      AgentSession session = sessions.newSession();
      emit(new AgentDispatchEvent.Starting(roomName, name, session));
      session.addListener(event -> onSessionEvent(roomName, entry, event));
      if (!running.attach(entry, session)) {
        session.close();
        throw new IllegalStateException(entry.abandonReason() + " before agent '" + name + "' joined");
      }
      String identity = entry.identity();
      JobInfo job = new JobInfo(entry.jobId(), entry.dispatchId(), roomName, name, dispatch.metadata());
      LocalParticipant participant = session.start(room, agent, identity, job, phoneLines);
      if (!dispatch.attributes().isEmpty()) {
        participant.updateAttributes(dispatch.attributes());
      }
      // Everyone else may have left while the agent joined; then it leaves again.
      if (!entry.explicit() && !RoomAgentSessions.hasNonAgents(room)) {
        session.close();
        throw new IllegalStateException("everyone else left room " + roomName + " as agent '" + name + "' joined");
      }
      log.info("agent listening room={} agent={} identity={}", roomName, name, identity);
      emit(new AgentDispatchEvent.Listening(roomName, name, identity));
      entry.listening().complete(null);
    } catch (RuntimeException e) {
      String reason = "agent '" + name + "' did not join room " + roomName + ": " + e.getMessage();
      if (e instanceof IllegalStateException) {
        log.warn("{}", reason);
      } else {
        log.warn("{}", reason, e);
      }
      running.remove(entry);
      emit(new AgentDispatchEvent.Failed(roomName, name, reason));
      entry.listening().completeExceptionally(new IllegalStateException(reason, e));
    }
  }

  /** Hands the dispatch to a worker; it listens once the worker's agent is in the room and receives the caller. */
  private void startRemote(RoomAgentSessions.Entry entry) {
    String name = entry.agentName();
    String roomName = entry.roomName();
    RoomAgentDispatch dispatch = entry.dispatch();
    RemoteAgents.RemoteJob job = remote.start(new RemoteAgents.JobRequest(
        entry.jobId(), entry.dispatchId(), roomName, name, dispatch.metadata(), dispatch.attributes(),
        entry.namespace()));
    entry.abandoned().thenAccept(job.terminate());
    job.listening().whenComplete((identity, error) -> {
      if (error != null) {
        String reason = "agent '" + name + "' is not listening in room " + roomName + ": " + rootMessage(error);
        log.warn("{}", reason);
        running.remove(entry);
        emit(new AgentDispatchEvent.Failed(roomName, name, reason));
        entry.listening().completeExceptionally(new IllegalStateException(reason, error));
        return;
      }
      entry.joinedAs(identity);
      log.info("agent listening room={} agent={} identity={} (worker)", roomName, name, identity);
      emit(new AgentDispatchEvent.Listening(roomName, name, identity));
      entry.listening().complete(null);
    });
    job.ended().thenAccept(reason -> left(roomName, entry, reason));
  }

  private static String rootMessage(Throwable error) {
    Throwable t = error;
    while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  /** Logs what an operator needs to follow a call (words at debug), and notices the end. */
  private void onSessionEvent(String roomName, RoomAgentSessions.Entry entry, AgentEvent event) {
    String name = entry.agentName();
    switch (event) {
      case AgentEvent.Error error -> log.warn("agent error room={} agent={} in {}", roomName, name, error.where(), error.cause());
      case AgentEvent.UserInputTranscribed heard when heard.isFinal() ->
          log.debug("agent heard room={} agent={}: {}", roomName, name, heard.transcript());
      case AgentEvent.AgentTranscript said -> log.debug("agent said room={} agent={}: {}", roomName, name, said.text());
      case AgentEvent.ToolExecuted tool -> log.info("agent tool room={} agent={} tool={}", roomName, name, tool.call().name());
      case AgentEvent.AgentHandoff handoff ->
          log.info("agent handoff room={} agent={} from={} to={}", roomName, name, handoff.fromAgent(), handoff.toAgent());
      case AgentEvent.Closed closed -> left(roomName, entry, closed.reason());
      default -> { }
    }
  }

  private void left(String roomName, RoomAgentSessions.Entry entry, String sessionReason) {
    running.remove(entry);
    String reason = entry.abandonReason().isEmpty() ? sessionReason : entry.abandonReason();
    if (entry.listening().isDone() && !entry.listening().isCompletedExceptionally()) {
      log.info("agent left room={} agent={} reason={}", roomName, entry.agentName(), reason);
      emit(new AgentDispatchEvent.Left(roomName, entry.agentName(), reason));
    }
  }

  private void onRoomEvent(RoomEvent event) {
    switch (event) {
      case RoomEvent.RoomStarted started -> automatic.started(started.room().name(), started.room().sid());
      case RoomEvent.ParticipantLeft left -> {
        Room room = rooms.room(left.room().name()).orElse(null);
        if (room == null || !RoomAgentSessions.hasNonAgents(room)) {
          running.abandonFollowers(left.room().name(), "everyone else left the room").forEach(AgentSession::close);
        }
      }
      case RoomEvent.RoomFinished finished -> {
        automatic.finished(finished.room().sid());
        running.abandon(finished.room().name(), "the room closed").forEach(AgentSession::close);
      }
      default -> { }
    }
  }

  private void emit(AgentDispatchEvent event) {
    for (Consumer<AgentDispatchEvent> l : listeners) {
      try {
        l.accept(event);
      } catch (RuntimeException e) {
        log.warn("agent dispatch listener failed on {}", event, e);
      }
    }
  }

  /** Every agent leaves its room. */
  @Override
  public void close() {
    running.abandonAll("the server is stopping").forEach(AgentSession::close);
  }
}
