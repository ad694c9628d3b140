package io.switchboard.agent.pipeline;

import io.switchboard.agent.InterruptionOptions;
import io.switchboard.agent.vad.SpeechSegmenter;

/**
 * Barge-in decisions, frame by frame (see {@link InterruptionOptions}). Returns what to do to the
 * agent's audio; allocates nothing. Not thread-safe: the owner serialises calls.
 */
public final class InterruptionTracker {
  /** What to do to the agent's audio now. */
  public enum Action {
    NONE,
    /** Stop the audio at once, keeping the speech to resume. */
    PAUSE,
    /** Stop the speech for good. */
    INTERRUPT,
    /** The interruption was false: play on. */
    RESUME
  }

  private enum State {
    LISTENING,
    PAUSED_USER_SPEAKING,
    PAUSED_USER_QUIET
  }

  private final boolean enabled;
  private final int minFrames;
  private final boolean resume;
  private final int falseTimeoutFrames;
  private State state = State.LISTENING;
  private int quietFrames;

  public InterruptionTracker(InterruptionOptions options) {
    this.enabled = options.enabled();
    this.minFrames = SpeechSegmenter.frames(options.minDuration().toMillis());
    this.resume = options.resumeFalseInterruption();
    this.falseTimeoutFrames = SpeechSegmenter.frames(options.falseInterruptionTimeout().toMillis());
  }

  /**
   * One frame.
   *
   * @param agentInterruptible the agent is playing speech that allows interruptions
   * @param userSpeechFrames how long the user has been speaking, 0 when they are not
   */
  public Action frame(boolean agentInterruptible, int userSpeechFrames) {
    boolean userSpeaking = userSpeechFrames > 0;
    switch (state) {
      case LISTENING -> {
        if (enabled && agentInterruptible && userSpeechFrames >= minFrames) {
          if (!resume) {
            return Action.INTERRUPT;
          }
          state = State.PAUSED_USER_SPEAKING;
          return Action.PAUSE;
        }
      }
      case PAUSED_USER_SPEAKING -> {
        if (!userSpeaking) {
          state = State.PAUSED_USER_QUIET;
          quietFrames = 0;
        }
      }
      case PAUSED_USER_QUIET -> {
        if (userSpeaking) {
          state = State.PAUSED_USER_SPEAKING;
        } else if (++quietFrames >= falseTimeoutFrames) {
          state = State.LISTENING;
          return Action.RESUME;
        }
      }
    }
    return Action.NONE;
  }

  /** The user's speech produced no words. */
  public Action nothingSaid() {
    if (state == State.LISTENING) {
      return Action.NONE;
    }
    state = State.LISTENING;
    return Action.RESUME;
  }

  /** The user's turn was committed: a paused speech is cut for good. */
  public Action turnCommitted() {
    if (state == State.LISTENING) {
      return Action.NONE;
    }
    state = State.LISTENING;
    return Action.INTERRUPT;
  }

  /** The paused speech went away (finished or cancelled elsewhere). */
  public void reset() {
    state = State.LISTENING;
  }

  public boolean paused() {
    return state != State.LISTENING;
  }
}
