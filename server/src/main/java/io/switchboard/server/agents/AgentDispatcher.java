package io.switchboard.server.agents;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentRegistry;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.phone.PhoneLines;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sip.room.RoomAgents;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.util.List;
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
 * Runs agents in rooms, in this process: a dispatch creates the named agent from the registry,
 * builds its session and joins it to the room (as {@code agent-AJ_...}, kind AGENT); the stage
 * completes once it listens. An agent already in the room under that name is reused. Agents
 * leave when no non-agent participant is left in their room, so a refused call (and a caller
 * who hung up) leaves no agent behind.
 */
public final class AgentDispatcher implements RoomAgents, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AgentDispatcher.class);

  private final AgentRegistry registry;
  private final SessionFactory sessions;
  private final RoomManager rooms;
  private final Executor executor;
  private final Ids ids;
  private final RoomAgentSessions running = new RoomAgentSessions();
  private final List<Consumer<AgentDispatchEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile PhoneLines phoneLines = PhoneLines.NONE;

  /** @param executor where agents are created and joined (virtual threads: may block on model loading) */
  public AgentDispatcher(
      AgentRegistry registry, SessionFactory sessions, RoomManager rooms, Executor executor, RandomGenerator random) {
    this.registry = registry;
    this.sessions = sessions;
    this.rooms = rooms;
    this.executor = executor;
    this.ids = new Ids(random);
    rooms.addListener(this::onRoomEvent);
  }

  /** The phone lines agents started from now on reach through {@code session.phone()}. */
  public void usePhoneLines(PhoneLines lines) {
    this.phoneLines = java.util.Objects.requireNonNull(lines, "lines");
  }

  /** Listeners are called synchronously on the dispatching thread; they must not block for long. */
  public void addListener(Consumer<AgentDispatchEvent> listener) {
    listeners.add(listener);
  }

  public Set<String> agentNames() {
    return registry.names();
  }

  @Override
  public CompletionStage<Void> dispatch(String roomName, List<RoomAgentDispatch> agents) {
    Set<String> known = registry.names();
    for (RoomAgentDispatch agent : agents) {
      if (!known.contains(agent.agentName())) {
        String reason = "no agent named '" + agent.agentName() + "' is registered (known: " + known + ")";
        log.warn("agent dispatch refused room={}: {}", roomName, reason);
        emit(new AgentDispatchEvent.Failed(roomName, agent.agentName(), reason));
        return CompletableFuture.failedFuture(new IllegalArgumentException(reason));
      }
    }
    CompletableFuture<?>[] arrivals = new CompletableFuture<?>[agents.size()];
    for (int i = 0; i < arrivals.length; i++) {
      RoomAgentDispatch agent = agents.get(i);
      RoomAgentSessions.Claim claim = running.claim(roomName, agent.agentName());
      if (claim.isNew()) {
        executor.execute(() -> start(roomName, agent, claim.entry()));
      }
      arrivals[i] = claim.entry().listening();
    }
    return CompletableFuture.allOf(arrivals);
  }

  private void start(String roomName, RoomAgentDispatch dispatch, RoomAgentSessions.Entry entry) {
    String name = dispatch.agentName();
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
      String identity = "agent-" + ids.next("AJ_");
      LocalParticipant participant = session.start(room, agent, identity, phoneLines);
      if (!dispatch.attributes().isEmpty()) {
        participant.updateAttributes(dispatch.attributes());
      }
      // Everyone else may have left while the agent joined; then it leaves again.
      if (!RoomAgentSessions.hasNonAgents(room)) {
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
      case RoomEvent.ParticipantLeft left -> {
        Room room = rooms.room(left.room().name()).orElse(null);
        if (room == null || !RoomAgentSessions.hasNonAgents(room)) {
          running.abandon(left.room().name(), "everyone else left the room").forEach(AgentSession::close);
        }
      }
      case RoomEvent.RoomFinished finished ->
          running.abandon(finished.room().name(), "the room closed").forEach(AgentSession::close);
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
