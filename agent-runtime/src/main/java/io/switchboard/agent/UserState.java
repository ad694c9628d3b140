package io.switchboard.agent;

/** Whether the user is talking, by the voice activity detector. */
public enum UserState {
  LISTENING,
  SPEAKING
}
