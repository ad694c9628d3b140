package io.switchboard.sfu.room;

/** What happens in rooms, for webhooks, signalling and tests. Delivered in order per room. */
public sealed interface RoomEvent {
  RoomInfo room();

  record RoomStarted(RoomInfo room) implements RoomEvent {}

  record RoomFinished(RoomInfo room) implements RoomEvent {}

  record ParticipantJoined(RoomInfo room, ParticipantInfo participant) implements RoomEvent {}

  record ParticipantUpdated(RoomInfo room, ParticipantInfo participant) implements RoomEvent {}

  record ParticipantLeft(RoomInfo room, ParticipantInfo participant, DisconnectReason reason)
      implements RoomEvent {}

  record TrackPublished(RoomInfo room, ParticipantInfo participant, TrackInfo track)
      implements RoomEvent {}

  record TrackUnpublished(RoomInfo room, ParticipantInfo participant, TrackInfo track)
      implements RoomEvent {}

  record RoomMetadataChanged(RoomInfo room) implements RoomEvent {}
}
