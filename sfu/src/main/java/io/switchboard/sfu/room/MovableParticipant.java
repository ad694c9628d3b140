package io.switchboard.sfu.room;

/**
 * The owner of an in-process participant that can take it into another room (RoomService
 * MoveParticipant) without ending what it stands for: a SIP call keeps its dialog and RTP leg and
 * only changes the room its audio goes to and comes from; a WebRTC client's session keeps its peer
 * connections and is told with LiveKit's RoomMovedResponse. Owners that cannot follow (in-process
 * agents, recorders) do not implement it, and the room refuses to move them.
 */
public interface MovableParticipant extends ParticipantListener {
  /**
   * Joins {@code destination} as the same participant, carries its media over and leaves the
   * room it is in now. Others see it leave one room and join the other, as in LiveKit.
   *
   * @return the participant in {@code destination}
   * @throws RoomFullException when {@code destination} is full (the participant stays where it was)
   * @throws IllegalStateException when {@code destination} closed or the participant is not in a room
   */
  LocalParticipant moveTo(Room destination);
}
