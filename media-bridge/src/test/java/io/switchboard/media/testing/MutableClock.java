package io.switchboard.media.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock tests move by hand, shared by every module's tests (through media-bridge's test jar).
 * Thread-safe: the code under test often reads it from its own threads. Neither {@link #millis()}
 * nor {@link #advance} allocates, so allocation-counting tests can move it inside their loops.
 */
public final class MutableClock extends Clock {
  private final AtomicLong epochNanos;

  /** Starts at 2026-01-01T00:00:00Z. */
  public MutableClock() {
    this(Instant.parse("2026-01-01T00:00:00Z"));
  }

  public MutableClock(Instant start) {
    this.epochNanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
  }

  public static MutableClock ofEpochMilli(long millis) {
    return new MutableClock(Instant.ofEpochMilli(millis));
  }

  public void advance(Duration by) {
    epochNanos.addAndGet(by.toNanos());
  }

  @Override
  public long millis() {
    return Math.floorDiv(epochNanos.get(), 1_000_000L);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochSecond(0, epochNanos.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("tests use UTC");
  }
}
