package io.switchboard.sfu.room;

import java.time.Duration;

/**
 * How a room behaves. {@code emptyTimeout}: how long a room nobody has joined stays open;
 * {@code departureTimeout}: how long it stays open after the last participant left. A null or
 * non-positive timeout means "the server's default" (LiveKit's: 5 minutes and 20 seconds).
 * {@code maxParticipants} 0 means unlimited.
 */
public record RoomOptions(
    Duration emptyTimeout, Duration departureTimeout, int maxParticipants, String metadata) {

  public static final RoomOptions UNSET = new RoomOptions(null, null, 0, "");

  public RoomOptions {
    emptyTimeout = positiveOrNull(emptyTimeout);
    departureTimeout = positiveOrNull(departureTimeout);
    if (maxParticipants < 0) {
      throw new IllegalArgumentException("max_participants must not be negative");
    }
    metadata = metadata == null ? "" : metadata;
  }

  private static Duration positiveOrNull(Duration value) {
    return value == null || value.isZero() || value.isNegative() ? null : value;
  }

  /** These options with unset timeouts taken from {@code defaults}. */
  RoomOptions resolve(RoomOptions defaults) {
    return new RoomOptions(
        emptyTimeout != null ? emptyTimeout : defaults.emptyTimeout(),
        departureTimeout != null ? departureTimeout : defaults.departureTimeout(),
        maxParticipants,
        metadata);
  }

  /**
   * These options changed by {@code requested} as LiveKit's CreateRoom changes an existing room:
   * set timeouts and a positive max_participants replace. (The room keeps its metadata itself:
   * see {@link Room#reconfigure}.)
   */
  RoomOptions updatedBy(RoomOptions requested) {
    return new RoomOptions(
        requested.emptyTimeout != null ? requested.emptyTimeout : emptyTimeout,
        requested.departureTimeout != null ? requested.departureTimeout : departureTimeout,
        requested.maxParticipants > 0 ? requested.maxParticipants : maxParticipants,
        metadata);
  }
}
