package io.switchboard.server.agents;

/** The agent configuration cannot be used; the message names the agent or key and what is wrong. */
public final class AgentSetupException extends Exception {
  public AgentSetupException(String message) {
    super(message);
  }
}
