package io.switchboard.sfu.room;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one participant. {@code version} increases with every change, as LiveKit's
 * ParticipantInfo.version does, so clients can discard stale updates.
 */
public record ParticipantInfo(
    String sid,
    String identity,
    String name,
    ParticipantKind kind,
    String metadata,
    Map<String, String> attributes,
    Instant joinedAt,
    long version,
    List<TrackInfo> tracks) {

  public ParticipantInfo {
    attributes = Map.copyOf(attributes);
    tracks = List.copyOf(tracks);
  }
}
