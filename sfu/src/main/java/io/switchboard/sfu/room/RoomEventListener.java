package io.switchboard.sfu.room;

/** Receives room events. Called on the room manager's event executor, never on a media thread. */
@FunctionalInterface
public interface RoomEventListener {
  void onEvent(RoomEvent event);
}
