package io.switchboard.sfu.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are delivered to one URL. A failed POST (no answer, 429, or a 5xx other than
 * 501) is retried after {@code firstRetryDelay}, doubling up to {@code maxRetryDelay}, for at
 * most {@code maxAttempts} attempts in all. At most {@code queueCapacity} events wait per URL;
 * more are dropped, and so is an event that waited longer than {@code maxAge} for its turn.
 * The defaults are LiveKit's (go-retryablehttp: 1 + 4 retries, 1 s doubling to 30 s; its
 * resource notifier drops events older than 30 s).
 */
public record WebhookPolicy(
    int maxAttempts,
    Duration firstRetryDelay,
    Duration maxRetryDelay,
    Duration maxAge,
    int queueCapacity,
    Duration requestTimeout) {

  public static final WebhookPolicy DEFAULTS =
      new WebhookPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), 1000,
          Duration.ofSeconds(10));

  public WebhookPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("webhook maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("webhook queueCapacity must be at least 1, got " + queueCapacity);
    }
    requirePositive(firstRetryDelay, "firstRetryDelay");
    requirePositive(maxRetryDelay, "maxRetryDelay");
    requirePositive(maxAge, "maxAge");
    requirePositive(requestTimeout, "requestTimeout");
  }

  /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (from 1) failed. */
  public Duration retryDelay(int attempt) {
    Duration delay = firstRetryDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxRetryDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("webhook " + name + " must be positive, got " + d);
    }
  }
}
