package io.switchboard.agent.tool;

/**
 * Thrown by a tool to tell the model, in words it can act on, that the call failed (an unknown
 * order number, a closed day). Other exceptions reach the model only as "internal error".
 */
public class ToolError extends RuntimeException {
  public ToolError(String message) {
    super(message);
  }
}
