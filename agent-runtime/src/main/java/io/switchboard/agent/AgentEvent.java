package io.switchboard.agent;

import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.ToolCall;
import io.switchboard.agent.tool.ToolOutcome;

/** What happens in an agent session, delivered in order on the session's event thread. */
public sealed interface AgentEvent {
  record UserStateChanged(UserState oldState, UserState newState) implements AgentEvent {}

  record AgentStateChanged(AgentState oldState, AgentState newState) implements AgentEvent {}

  /** The user's words: interim guesses, then final text. */
  record UserInputTranscribed(String transcript, boolean isFinal) implements AgentEvent {}

  /** What the caller heard of one agent speech (cut where it was interrupted). */
  record AgentTranscript(String speechId, String text, boolean interrupted) implements AgentEvent {}

  record ConversationItemAdded(ChatItem item) implements AgentEvent {}

  /** A speech was scheduled: {@code source} is say, generate_reply or user_turn. */
  record SpeechCreated(SpeechHandle speech, String source) implements AgentEvent {}

  record ToolExecuted(ToolCall call, ToolOutcome outcome) implements AgentEvent {}

  record AgentHandoff(String fromAgent, String toAgent) implements AgentEvent {}

  /** The user's sound stopped the agent but carried no words; the agent played on. */
  record FalseInterruption(String speechId) implements AgentEvent {}

  record MetricsCollected(AgentMetrics metrics) implements AgentEvent {}

  record Error(String where, Throwable cause) implements AgentEvent {}

  record Closed(String reason) implements AgentEvent {}

  /**
   * A phone caller in the room keyed a digit (RFC 4733 or SIP INFO; LiveKit's SipDTMF): {@code key}
   * is 0-9, *, #, A-D and {@code code} its RFC 4733 event code.
   */
  record SipDtmfReceived(String participantIdentity, char key, int code) implements AgentEvent {}
}
