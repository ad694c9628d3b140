package io.switchboard.server.agents;

import io.switchboard.agent.AgentSession;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The agents dispatched into each room, by room and agent name, from the dispatch until they
 * leave. An entry is claimed at dispatch, gets its session once built, and is abandoned when
 * the room empties of everyone but agents: a session attached later is refused.
 */
final class RoomAgentSessions {
  /** One agent in one room. {@code session} is guarded by the owner's lock, the rest by the entry's. */
  static final class Entry {
    private final String roomName;
    private final String agentName;
    private final CompletableFuture<Void> listening = new CompletableFuture<>();
    private AgentSession session;
    private boolean abandoned;
    private String abandonReason = "";

    private Entry(String roomName, String agentName) {
      this.roomName = roomName;
      this.agentName = agentName;
    }

    String agentName() {
      return agentName;
    }

    /** Why the room let the agent go, or "" while it has not. */
    synchronized String abandonReason() {
      return abandonReason;
    }

    /** Completes when the agent listens; fails when it never will. */
    CompletableFuture<Void> listening() {
      return listening;
    }
  }

  /** The entry for a dispatch; {@code isNew} when the caller must start it. */
  record Claim(Entry entry, boolean isNew) {}

  private final Map<String, Map<String, Entry>> byRoom = new HashMap<>();

  synchronized Claim claim(String roomName, String agentName) {
    Map<String, Entry> inRoom = byRoom.computeIfAbsent(roomName, r -> new LinkedHashMap<>());
    Entry existing = inRoom.get(agentName);
    if (existing != null) {
      return new Claim(existing, false);
    }
    Entry entry = new Entry(roomName, agentName);
    inRoom.put(agentName, entry);
    return new Claim(entry, true);
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
    if (inRoom != null && inRoom.remove(entry.agentName, entry) && inRoom.isEmpty()) {
      byRoom.remove(entry.roomName);
    }
  }

  /** Forgets the room's agents; returns the sessions to close (outside this lock). */
  synchronized List<AgentSession> abandon(String roomName, String reason) {
    Map<String, Entry> inRoom = byRoom.remove(roomName);
    return inRoom == null ? List.of() : abandoned(inRoom.values(), reason);
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
