package io.switchboard.sip.room;

import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sip.pin.LobbyTicker;
import io.switchboard.sip.pin.PinLobby;

/** Where a phone call is on the room side. */
sealed interface CallStage {
  /** Dispatched, not yet in a room or lobby (a moment during dispatch). */
  record Placing() implements CallStage {}

  /** Waiting for a PIN; the lobby owns the caller's audio. */
  record InLobby(PinLobby<?> lobby, LobbyTicker ticker) implements CallStage {}

  /** A participant of a room; the room drives the caller's audio. */
  record InRoom(LocalParticipant participant) implements CallStage {}

  /** The call has ended. */
  record Over() implements CallStage {}
}
