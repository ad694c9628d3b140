package io.switchboard.server.config;

import java.time.Duration;

/**
 * Room defaults, as in LiveKit's {@code room:} section (timeouts in seconds).
 * {@code enableRemoteUnmute}: whether RoomService MutePublishedTrack may unmute a track.
 */
public record RoomConfig(
    Integer emptyTimeout, Integer departureTimeout, Integer maxParticipants, Boolean enableRemoteUnmute) {

  public static final RoomConfig DEFAULTS = new RoomConfig(null, null, null, null);

  public RoomConfig {
    emptyTimeout = emptyTimeout == null ? 300 : emptyTimeout;
    departureTimeout = departureTimeout == null ? 20 : departureTimeout;
    maxParticipants = maxParticipants == null ? 0 : maxParticipants;
    enableRemoteUnmute = enableRemoteUnmute != null && enableRemoteUnmute;
  }

  public Duration emptyTimeoutDuration() {
    return Duration.ofSeconds(emptyTimeout);
  }

  public Duration departureTimeoutDuration() {
    return Duration.ofSeconds(departureTimeout);
  }
}
