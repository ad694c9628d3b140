package io.switchboard.agent.llm;

import java.util.Objects;

/** A tool as a model sees it: name, description and the JSON schema of its arguments. */
public record ToolDefinition(String name, String description, String parametersSchemaJson) {
  public ToolDefinition {
    Objects.requireNonNull(name, "tool name");
    if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("tool name must be 1-64 of [A-Za-z0-9_-]: '" + name + "'");
    }
    description = description == null ? "" : description;
    Objects.requireNonNull(parametersSchemaJson, "parameters schema");
  }
}
