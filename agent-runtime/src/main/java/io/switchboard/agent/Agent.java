package io.switchboard.agent;

import io.switchboard.agent.tool.Toolset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A persona: instructions, the tools it may call (its own {@code @FunctionTool} methods and those
 * of any toolset objects), optional model overrides, and hooks. Subclass it for tools and hooks;
 * a tool returning another {@code Agent} hands the conversation (and its chat context) over.
 */
public class Agent {
  private final String instructions;
  private final AgentModels models;
  private final List<Object> toolsets;
  private Toolset tools;

  public Agent(String instructions) {
    this(instructions, AgentModels.INHERIT);
  }

  public Agent(String instructions, AgentModels models, Object... toolsets) {
    this.instructions = Objects.requireNonNull(instructions, "instructions");
    this.models = Objects.requireNonNull(models, "models");
    this.toolsets = List.of(toolsets);
  }

  /** The name used in events, handoffs and the chat context; the class name by default. */
  public String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? "agent" : simple;
  }

  public final String instructions() {
    return instructions;
  }

  public final AgentModels models() {
    return models;
  }

  /** The tools, found on first use (so a subclass is fully built by then). */
  public final synchronized Toolset tools() {
    if (tools == null) {
      List<Object> owners = new ArrayList<>(toolsets.size() + 1);
      owners.add(this);
      owners.addAll(toolsets);
      tools = Toolset.of(owners);
    }
    return tools;
  }

  /**
   * Called when this agent becomes the session's active agent (at start or on handoff), on a
   * session thread. Typically greets: {@code session.generateReply("greet the caller")}.
   */
  public void onEnter(AgentSession session) {}

  /** Called when the session hands over to another agent. */
  public void onExit(AgentSession session) {}
}
