package io.switchboard.server.agents;

import io.switchboard.agent.AgentSession;

/**
 * What happens to agents dispatched into rooms, told to {@link AgentDispatcher} listeners
 * synchronously on the dispatching thread (tests and metrics observe dispatches through it).
 */
public sealed interface AgentDispatchEvent {
  String roomName();

  String agentName();

  /**
   * A session was created and is about to join the room: listeners may add session listeners
   * here and see every event of the session.
   */
  record Starting(String roomName, String agentName, AgentSession session) implements AgentDispatchEvent {}

  /** The agent is in the room and listening; calls waiting for it may be answered from now on. */
  record Listening(String roomName, String agentName, String identity) implements AgentDispatchEvent {}

  /** The agent never got to listen (unknown name, a failing class, the caller left first). */
  record Failed(String roomName, String agentName, String reason) implements AgentDispatchEvent {}

  /** A listening agent left the room (everyone else left, the room closed, shutdown). */
  record Left(String roomName, String agentName, String reason) implements AgentDispatchEvent {}
}
