package io.switchboard.sip.pin;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the lobby is.
 *
 * @param maxDigits the longest PIN accepted; one more digit fails the attempt (LiveKit: 16)
 * @param maxAttempts tries before the caller is hung up
 * @param interDigitTimeout silence after the prompt or the last digit that ends an attempt
 * @param overallTimeout the most the caller may spend in the lobby, from the answer
 */
public record PinPolicy(int maxDigits, int maxAttempts, Duration interDigitTimeout, Duration overallTimeout) {
  public PinPolicy {
    Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
    Objects.requireNonNull(overallTimeout, "overallTimeout");
    if (maxDigits < 1) {
      throw new IllegalArgumentException("maxDigits must be at least 1, got " + maxDigits);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (!interDigitTimeout.isPositive()) {
      throw new IllegalArgumentException("interDigitTimeout must be positive, got " + interDigitTimeout);
    }
    if (!overallTimeout.isPositive()) {
      throw new IllegalArgumentException("overallTimeout must be positive, got " + overallTimeout);
    }
  }

  /** 16 digits as LiveKit, 3 tries, 10 s between digits, one minute in all. */
  public static PinPolicy defaults() {
    return new PinPolicy(16, 3, Duration.ofSeconds(10), Duration.ofSeconds(60));
  }
}
