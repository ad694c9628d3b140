package io.switchboard.egress;

/** What an egress records. */
public sealed interface EgressSource {
  String room();

  /** How a room composite lays out its audio. */
  enum Mixing {
    /** Everyone mixed to one channel. */
    MONO,
    /** Stereo: the caller (the first SIP participant, else the first to join) left, everyone else right. */
    CALLER_LEFT,
    /** Stereo: agents left, everyone else right (LiveKit's DUAL_CHANNEL_AGENT). */
    AGENTS_LEFT
  }

  /** The whole room's audio (StartRoomCompositeEgress, audio only). */
  record RoomComposite(String room, Mixing mixing) implements EgressSource {}

  /** One participant's audio (StartParticipantEgress). */
  record Participant(String room, String identity) implements EgressSource {}

  /** One track (StartTrackEgress). */
  record Track(String room, String trackSid) implements EgressSource {}
}
