package io.switchboard.agent.llm;

/** Who said a message. */
public enum ChatRole {
  SYSTEM,
  USER,
  ASSISTANT
}
