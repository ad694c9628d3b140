package io.switchboard.server.agents;

import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Whether a room gets LiveKit's automatic dispatch: a room created without agents in its
 * configuration gets one dispatch with an empty agent name, whose job goes to each namespace of
 * workers registered without an agent name (livekit-server's {@code Room} adds that dispatch when
 * {@code RoomInternal.agent_dispatches} is empty; its agent client sends one job per namespace).
 * A room whose creation names agents (a dispatch rule's or token's {@code room_config.agents},
 * CreateRoom's {@code agents}, CreateDispatch creating the room) runs only those.
 *
 * <p>Rooms are created before their configuration's agents are dispatched (and RoomStarted is
 * heard on another thread), so a started room is decided {@link #GRACE} later: an explicit
 * dispatch registered by then (they come within milliseconds, on the creating thread) keeps the
 * automatic one out. A SIP call routed by a rule without agents decides at once (the rule is the
 * room's configuration), so it does not wait out the grace. Decisions are kept by room sid, so a
 * room of the same name started later is decided afresh.
 */
final class AutomaticDispatch {
  /** How long after a room started its automatic dispatch is decided. */
  static final Duration GRACE = Duration.ofMillis(500);

  private enum Decision { PENDING, EXPLICIT, AUTOMATIC, NONE }

  /** Starts one automatic dispatch (no agent name) in the room for workers of that namespace. */
  @FunctionalInterface
  interface Launcher {
    /** @return completes when its agent listens; fails when it never will */
    CompletableFuture<Void> launch(String roomName, String namespace);
  }

  private final RoomManager rooms;
  private final RoomAgentSessions running;
  private final Launcher launcher;
  private final Map<String, Decision> bySid = new HashMap<>();
  private volatile Supplier<Set<String>> namespaces = Set::of;
  private volatile Executor afterGrace = task -> { };

  AutomaticDispatch(RoomManager rooms, RoomAgentSessions running, Launcher launcher) {
    this.rooms = rooms;
    this.running = running;
    this.launcher = launcher;
  }

  /** From now on rooms are decided {@code afterGrace}, with the namespaces of unnamed workers then. */
  void use(Supplier<Set<String>> workerNamespaces, Executor afterGrace) {
    this.namespaces = workerNamespaces;
    this.afterGrace = afterGrace;
  }

  Set<String> namespaces() {
    return namespaces.get();
  }

  /** The room started; it is decided after the grace unless an explicit dispatch comes first. */
  void started(String roomName, String sid) {
    synchronized (this) {
      bySid.putIfAbsent(sid, Decision.PENDING);
    }
    afterGrace.execute(() -> launch(roomName, decide(sid, false)));
  }

  synchronized void finished(String sid) {
    bySid.remove(sid);
  }

  /**
   * A caller joined {@code roomName} by a rule naming no agents: decides the room now; completes
   * once its automatic agents listen (at once when it gets none or theirs are gone).
   */
  CompletionStage<Void> forCall(String roomName) {
    Optional<Room> room = rooms.room(roomName);
    if (room.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    String sid = room.get().sid();
    List<CompletableFuture<Void>> arrivals = launch(roomName, decide(sid, true));
    if (arrivals.isEmpty() && isAutomatic(sid)) {
      // Decided after its grace already: the call waits for the jobs still on their way, if any.
      arrivals = running.inRoom(roomName).stream().filter(e -> e.agentName().isEmpty())
          .map(RoomAgentSessions.Entry::listening).toList();
    }
    return CompletableFuture.allOf(arrivals.toArray(CompletableFuture<?>[]::new));
  }

  private List<CompletableFuture<Void>> launch(String roomName, Set<String> inNamespaces) {
    List<CompletableFuture<Void>> arrivals = new ArrayList<>();
    for (String namespace : inNamespaces) {
      arrivals.add(launcher.launch(roomName, namespace));
    }
    return arrivals;
  }

  /** The room got explicit agents: it gets no automatic dispatch, unless one was decided already. */
  synchronized void explicit(String sid) {
    Decision now = bySid.get(sid);
    if (now == null || now == Decision.PENDING) {
      bySid.put(sid, Decision.EXPLICIT);
    }
  }

  private synchronized boolean isAutomatic(String sid) {
    return bySid.get(sid) == Decision.AUTOMATIC;
  }

  /**
   * Decides a room still pending; {@code unheardIsPending} for a caller's room whose RoomStarted
   * may not have been heard yet.
   *
   * @return the namespaces to start an automatic job in; empty when the room gets none (now)
   */
  private synchronized Set<String> decide(String sid, boolean unheardIsPending) {
    Decision now = bySid.get(sid);
    if (now == null && unheardIsPending) {
      now = Decision.PENDING;
    }
    if (now != Decision.PENDING) {
      return Set.of();
    }
    Set<String> found = namespaces.get();
    bySid.put(sid, found.isEmpty() ? Decision.NONE : Decision.AUTOMATIC);
    return found;
  }
}
