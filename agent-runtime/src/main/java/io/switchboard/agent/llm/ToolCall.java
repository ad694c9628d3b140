package io.switchboard.agent.llm;

import java.util.Objects;

/** The model asks for {@code name} to be run with {@code argumentsJson} (a JSON object). */
public record ToolCall(String callId, String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(name, "tool name");
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }
}
