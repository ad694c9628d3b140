package io.switchboard.agent.llm;

import java.util.Objects;

/** One entry of a conversation. */
public sealed interface ChatItem {

  /**
   * A message. For the assistant, {@code text} is what the caller actually heard: an interrupted
   * reply keeps only what was played, and {@code interrupted} is set.
   */
  record Message(ChatRole role, String text, boolean interrupted) implements ChatItem {
    public Message {
      Objects.requireNonNull(role, "role");
      text = text == null ? "" : text;
    }

    public static Message user(String text) {
      return new Message(ChatRole.USER, text, false);
    }

    public static Message assistant(String text) {
      return new Message(ChatRole.ASSISTANT, text, false);
    }

    public static Message system(String text) {
      return new Message(ChatRole.SYSTEM, text, false);
    }
  }

  /** The model called a tool. */
  record FunctionCall(ToolCall call) implements ChatItem {}

  /** A tool's result, as given back to the model. */
  record FunctionCallOutput(String callId, String name, String output, boolean isError) implements ChatItem {}

  /** The conversation moved from one agent to another. */
  record AgentHandoff(String fromAgent, String toAgent) implements ChatItem {}
}
