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

  /** An interruption (or the session's end) cancelled the call before it finished; {@code output} says which. */
  record Cancelled(String output) implements ToolOutcome {
    public static Cancelled of(String toolName) {
      return new Cancelled(toolName + " was cancelled: the user interrupted before it finished");
    }

    public static Cancelled sessionClosed(String toolName) {
      return new Cancelled(toolName + " was cancelled: the session closed before it finished");
    }
  }
}
