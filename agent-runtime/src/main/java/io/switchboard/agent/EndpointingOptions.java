package io.switchboard.agent;

import java.time.Duration;

/**
 * How long after the voice activity detector's end of speech the user's turn is taken as over,
 * with LiveKit's defaults. The turn is committed once {@code minDelay} (0.5 s) has passed and the
 * recogniser has delivered the transcript; speech resuming before then continues the same turn.
 * A slow recogniser is waited for at most {@code maxDelay} (6 s) once it has delivered words:
 * then those are committed, and its later words start the next turn.
 */
public record EndpointingOptions(Duration minDelay, Duration maxDelay) {
  private static final Duration DEFAULT_MAX = Duration.ofSeconds(6);
  public static final EndpointingOptions DEFAULT = new EndpointingOptions(Duration.ofMillis(500), DEFAULT_MAX);

  public EndpointingOptions {
    if (minDelay == null || minDelay.isNegative()) {
      throw new IllegalArgumentException("endpointing min delay must be a non-negative duration: " + minDelay);
    }
    if (maxDelay == null || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException(
          "endpointing max delay must be at least the min delay (" + minDelay + "): " + maxDelay);
    }
  }

  /** {@code minDelay} with the default max delay (or {@code minDelay}, if longer). */
  public EndpointingOptions(Duration minDelay) {
    this(minDelay, minDelay != null && minDelay.compareTo(DEFAULT_MAX) > 0 ? minDelay : DEFAULT_MAX);
  }
}
