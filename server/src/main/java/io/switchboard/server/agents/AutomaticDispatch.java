package io.switchboard.server.agents;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
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

  private final Map<String, Decision> bySid = new HashMap<>();

  /** The room started; it is decided later (by {@link #decidePending}) unless an explicit dispatch comes first. */
  synchronized void started(String sid) {
    bySid.putIfAbsent(sid, Decision.PENDING);
  }

  synchronized void finished(String sid) {
    bySid.remove(sid);
  }

  /** The room got explicit agents: it gets no automatic dispatch, unless one was decided already. */
  synchronized void explicit(String sid) {
    Decision now = bySid.get(sid);
    if (now == null || now == Decision.PENDING) {
      bySid.put(sid, Decision.EXPLICIT);
    }
  }

  /**
   * Decides a started room still pending (the grace is over).
   *
   * @return the namespaces to start an automatic job in; empty when the room gets none
   */
  Set<String> decidePending(String sid, Supplier<Set<String>> namespaces) {
    return decide(sid, false, namespaces);
  }

  /** Decides a room a caller joined without agents now, even before its RoomStarted was heard. */
  Set<String> decideNow(String sid, Supplier<Set<String>> namespaces) {
    return decide(sid, true, namespaces);
  }

  /** Whether the room was decided automatic (its job may already be over). */
  synchronized boolean isAutomatic(String sid) {
    return bySid.get(sid) == Decision.AUTOMATIC;
  }

  private synchronized Set<String> decide(String sid, boolean unheardIsPending, Supplier<Set<String>> namespaces) {
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
