package io.switchboard.sfu.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A participant's mutable state, guarded by its room's lock. */
final class Participant {
  final String sid;
  final String identity;
  final ParticipantKind kind;
  final Instant joinedAt;
  final ParticipantListener listener;
  String name;
  String metadata;
  final Map<String, String> attributes;
  final List<TrackInfo> tracks = new ArrayList<>();
  long version;
  boolean connected = true;

  Participant(String sid, ParticipantSpec spec, Instant joinedAt, ParticipantListener listener) {
    this.sid = sid;
    this.identity = spec.identity();
    this.kind = spec.kind();
    this.name = spec.name();
    this.metadata = spec.metadata();
    this.attributes = new LinkedHashMap<>(spec.attributes());
    this.joinedAt = joinedAt;
    this.listener = listener;
  }

  ParticipantInfo snapshot() {
    return new ParticipantInfo(
        sid, identity, name, kind, metadata, attributes, joinedAt, version, tracks);
  }

  /** Applies LiveKit's attribute update rule: an empty value deletes the key. */
  boolean mergeAttributes(Map<String, String> changes) {
    boolean changed = false;
    for (var e : changes.entrySet()) {
      String before =
          e.getValue().isEmpty()
              ? attributes.remove(e.getKey())
              : attributes.put(e.getKey(), e.getValue());
      changed |= !e.getValue().equals(before == null ? "" : before);
    }
    return changed;
  }

  /** An admin's update (RoomService UpdateParticipant): empty name or metadata means "keep". */
  boolean update(String newName, String newMetadata, Map<String, String> attributeChanges) {
    boolean changed = false;
    if (!newName.isEmpty() && !newName.equals(name)) {
      name = newName;
      changed = true;
    }
    if (!newMetadata.isEmpty() && !newMetadata.equals(metadata)) {
      metadata = newMetadata;
      changed = true;
    }
    return mergeAttributes(attributeChanges) || changed;
  }

  Optional<TrackInfo> track(String trackSid) {
    return tracks.stream().filter(t -> t.sid().equals(trackSid)).findFirst();
  }

  void replaceTrack(TrackInfo track) {
    tracks.replaceAll(t -> t.sid().equals(track.sid()) ? track : t);
  }
}
