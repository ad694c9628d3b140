package io.switchboard.sfu.room;

import java.time.Duration;
import java.time.Instant;

/** A snapshot of one room, shaped like LiveKit's Room message. */
public record RoomInfo(
    String sid,
    String name,
    Duration emptyTimeout,
    Duration departureTimeout,
    int maxParticipants,
    Instant createdAt,
    String metadata,
    int numParticipants) {}
