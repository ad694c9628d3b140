package io.switchboard.server.config;

import java.time.Duration;

/** Room defaults, as in LiveKit's {@code room:} section (timeouts in seconds). */
public record RoomConfig(Integer emptyTimeout, Integer departureTimeout, Integer maxParticipants) {

  public static final RoomConfig DEFAULTS = new RoomConfig(null, null, null);

  public RoomConfig {
    emptyTimeout = emptyTimeout == null ? 300 : emptyTimeout;
    departureTimeout = departureTimeout == null ? 20 : departureTimeout;
    maxParticipants = maxParticipants == null ? 0 : maxParticipants;
  }

  public Duration emptyTimeoutDuration() {
    return Duration.ofSeconds(emptyTimeout);
  }

  public Duration departureTimeoutDuration() {
    return Duration.ofSeconds(departureTimeout);
  }
}
