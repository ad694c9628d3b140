package io.switchboard.agent;

import java.util.Locale;

/** What the agent is doing (LiveKit's agent states; published as the {@code lk.agent.state} attribute). */
public enum AgentState {
  INITIALIZING,
  LISTENING,
  THINKING,
  SPEAKING;

  /** The attribute value LiveKit clients expect. */
  public String attributeValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
