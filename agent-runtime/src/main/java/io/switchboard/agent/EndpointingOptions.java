package io.switchboard.agent;

import java.time.Duration;

/**
 * How long after the voice activity detector's end of speech the user's turn is taken as over
 * ({@code minDelay}; LiveKit's default 0.5 s). The turn is committed once that delay has passed
 * and the recogniser has delivered the transcript; speech resuming before then continues the
 * same turn.
 */
public record EndpointingOptions(Duration minDelay) {
  public static final EndpointingOptions DEFAULT = new EndpointingOptions(Duration.ofMillis(500));

  public EndpointingOptions {
    if (minDelay == null || minDelay.isNegative()) {
      throw new IllegalArgumentException("endpointing min delay must be a non-negative duration: " + minDelay);
    }
  }
}
