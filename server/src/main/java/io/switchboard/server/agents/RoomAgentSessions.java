package io.switchboard.server.agents;

import io.switchboard.agent.AgentSession;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The agents dispatched into each room, by room and dispatch id, from the dispatch until they
 * leave. An entry is claimed at dispatch, gets its session once built, and is abandoned when
 * its dispatch is deleted, its room closes or (for dispatches from a room configuration) the
 * room empties of everyone but agents: a session attached later is refused.
 */
final class RoomAgentSessions {
  /** One agent in one room. {@code session} is guarded by the owner's lock, the rest by the entry's. */
  static final class Entry {
    private final String roomName;
    private final RoomAgentDispatch dispatch;
    private final String dispatchId;
    private final String jobId;
    private final Instant createdAt;
    private final boolean explicit;
    private final String namespace;
    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private final CompletableFuture<String> abandonedWith = new CompletableFuture<>();
    private volatile String remoteIdentity = "";
    private AgentSession session;
    private boolean abandoned;
    private String abandonReason = "";

    Entry(String roomName, RoomAgentDispatch dispatch, String dispatchId, String jobId, Instant createdAt,
        boolean explicit) {
      this(roomName, dispatch, dispatchId, jobId, createdAt, explicit, "");
    }

    /** @param namespace for an automatic dispatch (no agent name), the workers' namespace its job goes to */
    Entry(String roomName, RoomAgentDispatch dispatch, String dispatchId, String jobId, Instant createdAt,
        boolean explicit, String namespace) {
      this.namespace = namespace;
      this.roomName = roomName;
      this.dispatch = dispatch;
      this.dispatchId = dispatchId;
      this.jobId = jobId;
      this.createdAt = createdAt;
      this.explicit = explicit;
    }

    String roomName() {
      return roomName;
    }

    String agentName() {
      return dispatch.agentName();
    }

    RoomAgentDispatch dispatch() {
      return dispatch;
    }

    String namespace() {
      return namespace;
    }

    String dispatchId() {
      return dispatchId;
    }

    String jobId() {
      return jobId;
    }

    /** The agent's participant identity. */
    String identity() {
      String remote = remoteIdentity;
      return remote.isEmpty() ? "agent-" + jobId : remote;
    }

    /** A worker's agent chose its own identity (LiveKit's AvailabilityResponse.participant_identity). */
    void joinedAs(String identity) {
      remoteIdentity = identity;
    }

    /** Completes with the reason once the room lets the agent go (a worker's job is then terminated). */
    CompletableFuture<String> abandoned() {
      return abandonedWith;
    }

    /** Why the room let the agent go, or "" while it has not. */
    synchronized String abandonReason() {
      return abandonReason;
    }

    /** Completes when the agent listens; fails when it never will. */
    CompletableFuture<Void> listening() {
      return listening;
    }

    /** Whether it stays while only agents are left (explicit dispatches do). */
    boolean explicit() {
      return explicit;
    }

    AgentDispatchInfo info() {
      boolean listens = listening.isDone() && !listening.isCompletedExceptionally();
      return new AgentDispatchInfo(dispatchId, roomName, dispatch.agentName(), dispatch.metadata(), createdAt, jobId,
          identity(), listens, explicit);
    }
  }

  /** The entry for a dispatch; {@code isNew} when the caller must start it. */
  record Claim(Entry entry, boolean isNew) {}

  private final Map<String, Map<String, Entry>> byRoom = new HashMap<>();

  /** The agent of that name already in the candidate's room, or the candidate, added. */
  synchronized Claim claimByName(Entry candidate) {
    Map<String, Entry> inRoom = byRoom.computeIfAbsent(candidate.roomName, r -> new LinkedHashMap<>());
    for (Entry existing : inRoom.values()) {
      if (existing.agentName().equals(candidate.agentName())) {
        return new Claim(existing, false);
      }
    }
    inRoom.put(candidate.dispatchId, candidate);
    return new Claim(candidate, true);
  }

  /** Adds an entry of its own, even if an agent of that name is already in the room. */
  synchronized void add(Entry entry) {
    byRoom.computeIfAbsent(entry.roomName, r -> new LinkedHashMap<>()).put(entry.dispatchId, entry);
  }

  /** Gives the entry its session; false when the room was abandoned meanwhile. */
  synchronized boolean attach(Entry entry, AgentSession session) {
    synchronized (entry) {
      if (entry.abandoned) {
        return false;
      }
    }
    entry.session = session;
    return true;
  }

  synchronized void remove(Entry entry) {
    Map<String, Entry> inRoom = byRoom.get(entry.roomName);
    if (inRoom != null && inRoom.remove(entry.dispatchId, entry) && inRoom.isEmpty()) {
      byRoom.remove(entry.roomName);
    }
  }

  synchronized List<Entry> inRoom(String roomName) {
    return List.copyOf(byRoom.getOrDefault(roomName, Map.of()).values());
  }

  /** How many agents have a session (joining or in their room). */
  synchronized int sessions() {
    int n = 0;
    for (Map<String, Entry> inRoom : byRoom.values()) {
      for (Entry e : inRoom.values()) {
        n += e.session != null ? 1 : 0;
      }
    }
    return n;
  }

  /** Forgets one dispatch; its session (if any yet) is to be closed by the caller, outside this lock. */
  synchronized Optional<Entry> take(String roomName, String dispatchId, String reason) {
    Map<String, Entry> inRoom = byRoom.get(roomName);
    Entry entry = inRoom == null ? null : inRoom.remove(dispatchId);
    if (entry == null) {
      return Optional.empty();
    }
    if (inRoom.isEmpty()) {
      byRoom.remove(roomName);
    }
    abandoned(List.of(entry), reason);
    return Optional.of(entry);
  }

  synchronized Optional<AgentSession> sessionOf(Entry entry) {
    return Optional.ofNullable(entry.session);
  }

  /** Forgets the room's agents; returns the sessions to close (outside this lock). */
  synchronized List<AgentSession> abandon(String roomName, String reason) {
    Map<String, Entry> inRoom = byRoom.remove(roomName);
    return inRoom == null ? List.of() : abandoned(inRoom.values(), reason);
  }

  /** Forgets the room's agents that came with its callers (not explicit dispatches). */
  synchronized List<AgentSession> abandonFollowers(String roomName, String reason) {
    Map<String, Entry> inRoom = byRoom.get(roomName);
    if (inRoom == null) {
      return List.of();
    }
    List<Entry> followers = inRoom.values().stream().filter(e -> !e.explicit).toList();
    followers.forEach(e -> inRoom.remove(e.dispatchId));
    if (inRoom.isEmpty()) {
      byRoom.remove(roomName);
    }
    return abandoned(followers, reason);
  }

  synchronized List<AgentSession> abandonAll(String reason) {
    List<Entry> all = new ArrayList<>();
    byRoom.values().forEach(m -> all.addAll(m.values()));
    byRoom.clear();
    return abandoned(all, reason);
  }

  private static List<AgentSession> abandoned(Iterable<Entry> entries, String reason) {
    List<AgentSession> sessions = new ArrayList<>();
    for (Entry e : entries) {
      synchronized (e) {
        e.abandoned = true;
        e.abandonReason = reason;
      }
      e.abandonedWith.complete(reason);
      if (e.session != null) {
        sessions.add(e.session);
      }
    }
    return sessions;
  }

  /** Whether anyone but agents and recorders is in {@code room}: agents stay only for them. */
  static boolean hasNonAgents(Room room) {
    return room.participants().stream()
        .anyMatch(p -> p.kind() != ParticipantKind.AGENT && p.kind() != ParticipantKind.EGRESS);
  }
}
