package io.switchboard.server.config;

import io.switchboard.agent.EndpointingOptions;
import io.switchboard.agent.InterruptionOptions;
import io.switchboard.agent.TurnHandling;
import java.time.Duration;

/**
 * How the in-process agents take turns, as LiveKit's {@code AgentSession} options (and its
 * defaults). Endpointing: the user's turn is over {@code minEndpointingDelay} after they stop
 * speaking once the transcript is in, and a slow recogniser that has delivered words is waited for at most
 * {@code maxEndpointingDelay}. Interruptions: with {@code allowInterruptions}, user speech lasting
 * {@code minInterruptionDuration} stops the agent; with {@code resumeFalseInterruption} it is only
 * paused, and resumes when no words come within {@code falseInterruptionTimeout} after the user
 * stops (raise it when the recogniser is slow, or the agent resumes over a real interruption).
 */
public record AgentTurnsConfig(
    Duration minEndpointingDelay,
    Duration maxEndpointingDelay,
    Boolean allowInterruptions,
    Duration minInterruptionDuration,
    Boolean resumeFalseInterruption,
    Duration falseInterruptionTimeout) {

  public static final AgentTurnsConfig DEFAULTS = new AgentTurnsConfig(null, null, null, null, null, null);

  public AgentTurnsConfig {
    minEndpointingDelay = minEndpointingDelay == null ? EndpointingOptions.DEFAULT.minDelay() : minEndpointingDelay;
    maxEndpointingDelay = maxEndpointingDelay == null ? EndpointingOptions.DEFAULT.maxDelay() : maxEndpointingDelay;
    allowInterruptions = allowInterruptions == null ? InterruptionOptions.DEFAULT.enabled() : allowInterruptions;
    minInterruptionDuration =
        minInterruptionDuration == null ? InterruptionOptions.DEFAULT.minDuration() : minInterruptionDuration;
    resumeFalseInterruption =
        resumeFalseInterruption == null ? InterruptionOptions.DEFAULT.resumeFalseInterruption() : resumeFalseInterruption;
    falseInterruptionTimeout =
        falseInterruptionTimeout == null ? InterruptionOptions.DEFAULT.falseInterruptionTimeout() : falseInterruptionTimeout;
    turnHandling(minEndpointingDelay, maxEndpointingDelay, allowInterruptions, minInterruptionDuration,
        resumeFalseInterruption, falseInterruptionTimeout); // validates, naming the option
  }

  /** The agent runtime's options. */
  public TurnHandling turnHandling() {
    return turnHandling(minEndpointingDelay, maxEndpointingDelay, allowInterruptions, minInterruptionDuration,
        resumeFalseInterruption, falseInterruptionTimeout);
  }

  public AgentTurnsConfig withFalseInterruptionTimeout(Duration timeout) {
    return new AgentTurnsConfig(minEndpointingDelay, maxEndpointingDelay, allowInterruptions, minInterruptionDuration,
        resumeFalseInterruption, timeout);
  }

  private static TurnHandling turnHandling(Duration minDelay, Duration maxDelay, boolean allow, Duration minInterruption,
      boolean resume, Duration falseTimeout) {
    try {
      return new TurnHandling(new EndpointingOptions(minDelay, maxDelay),
          new InterruptionOptions(allow, minInterruption, resume, falseTimeout));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("agent_turns: " + e.getMessage(), e);
    }
  }
}
