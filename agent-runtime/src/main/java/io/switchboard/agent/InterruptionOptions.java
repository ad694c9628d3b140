package io.switchboard.agent;

import java.time.Duration;

/**
 * Barge-in, with LiveKit's defaults. When {@code enabled}, user speech lasting {@code minDuration}
 * while the agent talks stops the agent's audio. With {@code resumeFalseInterruption} the audio
 * is only paused: if the user stops and no words are recognised (noise, a cough), or
 * {@code falseInterruptionTimeout} passes after they stop without a turn, it resumes; otherwise
 * the reply is cut where the caller stopped hearing it.
 */
public record InterruptionOptions(
    boolean enabled, Duration minDuration, boolean resumeFalseInterruption, Duration falseInterruptionTimeout) {

  public static final InterruptionOptions DEFAULT =
      new InterruptionOptions(true, Duration.ofMillis(500), true, Duration.ofSeconds(2));

  public InterruptionOptions {
    if (minDuration == null || minDuration.isNegative()) {
      throw new IllegalArgumentException("min interruption duration must be a non-negative duration: " + minDuration);
    }
    if (falseInterruptionTimeout == null || falseInterruptionTimeout.isNegative()) {
      throw new IllegalArgumentException("false interruption timeout must be a non-negative duration: " + falseInterruptionTimeout);
    }
  }
}
