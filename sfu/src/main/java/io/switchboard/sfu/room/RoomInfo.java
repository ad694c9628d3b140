package io.switchboard.sfu.room;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of one room, shaped like LiveKit's Room message. {@code numPublishers}: participants
 * with at least one published track.
 */
public record RoomInfo(
    String sid,
    String name,
    Duration emptyTimeout,
    Duration departureTimeout,
    int maxParticipants,
    Instant createdAt,
    String metadata,
    int numParticipants,
    int numPublishers) {}
