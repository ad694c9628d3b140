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

  /**
   * A WebRTC participant's subscriber connection is connected (ICE and DTLS done): what is sent
   * to it from now on reaches it. Once per participant.
   */
  record SubscriberConnected(RoomInfo room, ParticipantInfo participant) implements RoomEvent {}

  /**
   * {@code subscriber} receives {@code publisher}'s track: its subscriber connection is connected
   * and it answered an offer carrying the track (LiveKit binds its down track then and tells the
   * publisher TrackSubscribed). Once per subscription.
   */
  record TrackSubscribed(RoomInfo room, ParticipantInfo subscriber, ParticipantInfo publisher, TrackInfo track)
      implements RoomEvent {}
}
