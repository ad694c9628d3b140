package io.switchboard.agent.tool;

import io.switchboard.agent.AgentSession;
import io.switchboard.agent.SpeechHandle;
import io.switchboard.agent.llm.ToolCall;

/**
 * Given to a tool that declares a parameter of this type: the session it runs in, the speech
 * (reply) that called it, and the call itself.
 */
public record RunContext(AgentSession session, SpeechHandle speech, ToolCall call) {
  /** The application's per-session state set with {@code AgentSession.Builder.userdata}. */
  public <T> T userdata(Class<T> type) {
    return session.userdata(type);
  }
}
