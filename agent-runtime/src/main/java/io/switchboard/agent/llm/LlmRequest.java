package io.switchboard.agent.llm;

import java.util.List;
import java.util.Objects;

/**
 * One call to a model: the agent's {@code instructions} (system prompt), the conversation so
 * far, the tools it may call, and optional {@code turnInstructions} for this reply only (from
 * {@code generateReply(instructions)}; empty when the reply answers the user).
 */
public record LlmRequest(
    String instructions, ChatContext history, List<ToolDefinition> tools, String turnInstructions) {
  public LlmRequest {
    instructions = instructions == null ? "" : instructions;
    Objects.requireNonNull(history, "history");
    tools = List.copyOf(tools);
    turnInstructions = turnInstructions == null ? "" : turnInstructions;
  }
}
