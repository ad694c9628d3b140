package io.switchboard.agent.tool;

import io.switchboard.agent.Agent;

/** What running a tool produced. */
public sealed interface ToolOutcome {
  /** The text the model receives as the tool's output. */
  String output();

  record Output(String output) implements ToolOutcome {}

  /** The tool handed over to another agent; the model is told {@code output}. */
  record HandedOff(Agent next, String output) implements ToolOutcome {}

  /** The call failed; {@code output} says why, for the model. */
  record Failed(String output) implements ToolOutcome {}
}
