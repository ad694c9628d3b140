package io.switchboard.sfu.room;

/** A join refused because the room has reached its max_participants. */
public final class RoomFullException extends RuntimeException {
  public RoomFullException(String room, int max) {
    super("room " + room + " is full (max_participants " + max + ")");
  }
}
