package io.switchboard.agent.llm;

/** A piece of a streamed model reply. */
public sealed interface LlmChunk {
  /** More reply text. */
  record TextDelta(String text) implements LlmChunk {}

  /** The model wants a tool run; its output goes back to the model in a follow-up request. */
  record ToolCallRequested(ToolCall call) implements LlmChunk {}
}
