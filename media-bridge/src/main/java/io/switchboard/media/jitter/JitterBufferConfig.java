package io.switchboard.media.jitter;

import java.time.Duration;

/**
 * Settings of a {@link JitterBuffer} for 20 ms frames.
 *
 * @param clockRate RTP clock rate of the stream (8000 for G.711 and G.722, 48000 for Opus)
 * @param minDelay lowest target delay, at least one frame (20 ms)
 * @param maxDelay highest target delay; deeper buffers are trimmed
 * @param maxPayloadBytes largest payload a slot holds; bigger packets are dropped and counted
 * @param resyncThreshold a timestamp that disagrees with its sequence number by more than this
 *     means the stream was replaced: the buffer starts over
 */
public record JitterBufferConfig(
    int clockRate,
    Duration minDelay,
    Duration maxDelay,
    int maxPayloadBytes,
    Duration resyncThreshold) {
  public static final int FRAME_MILLIS = 20;

  public JitterBufferConfig {
    if (clockRate <= 0 || clockRate % 50 != 0) {
      throw new IllegalArgumentException("clock rate must be a positive multiple of 50 Hz, got " + clockRate);
    }
    if (minDelay.toMillis() < FRAME_MILLIS) {
      throw new IllegalArgumentException("min delay must be at least 20 ms, got " + minDelay.toMillis() + " ms");
    }
    if (maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException(
          "max delay " + maxDelay.toMillis() + " ms is below min delay " + minDelay.toMillis() + " ms");
    }
    if (maxDelay.toMillis() > 2000) {
      throw new IllegalArgumentException("max delay above 2000 ms, got " + maxDelay.toMillis() + " ms");
    }
    if (maxPayloadBytes <= 0) {
      throw new IllegalArgumentException("max payload bytes must be positive, got " + maxPayloadBytes);
    }
    if (resyncThreshold.toMillis() <= maxDelay.toMillis()) {
      throw new IllegalArgumentException("resync threshold must exceed the max delay");
    }
  }

  /** 20-200 ms adaptive delay, payloads up to 640 bytes, resync on a 2 s timestamp jump. */
  public static JitterBufferConfig defaults(int clockRate) {
    return new JitterBufferConfig(
        clockRate, Duration.ofMillis(20), Duration.ofMillis(200), 640, Duration.ofSeconds(2));
  }

  /** A copy at another clock rate (after a codec change). */
  public JitterBufferConfig withClockRate(int rate) {
    return new JitterBufferConfig(rate, minDelay, maxDelay, maxPayloadBytes, resyncThreshold);
  }

  /** A copy with a fixed delay window. */
  public JitterBufferConfig withDelays(Duration min, Duration max) {
    return new JitterBufferConfig(clockRate, min, max, maxPayloadBytes, resyncThreshold);
  }

  int minFrames() {
    return (int) Math.ceilDiv(minDelay.toMillis(), FRAME_MILLIS);
  }

  int maxFrames() {
    return (int) Math.max(minFrames(), maxDelay.toMillis() / FRAME_MILLIS);
  }

  int timestampsPerFrame() {
    return clockRate / 50;
  }
}
