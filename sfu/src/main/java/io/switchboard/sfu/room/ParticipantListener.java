package io.switchboard.sfu.room;

/** Callbacks for the owner of a local participant (a SIP call, an agent, a recorder). */
public interface ParticipantListener {
  /** The room removed this participant (RemoveParticipant, room deleted, identity taken over). */
  default void onDisconnected(DisconnectReason reason) {}

  /** Another participant sent data to everyone or to this participant; on the room's event queue. */
  default void onData(DataPacket packet) {}

  /** No-op listener. */
  ParticipantListener NONE = new ParticipantListener() {};
}
