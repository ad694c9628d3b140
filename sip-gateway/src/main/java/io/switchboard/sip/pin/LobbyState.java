package io.switchboard.sip.pin;

/** Where a caller is in the lobby. {@code attempt} counts from 1. */
sealed interface LobbyState {
  /** The call is not answered yet: nothing plays. */
  record Waiting() implements LobbyState {}

  /** The "enter PIN" cue plays; the first key stops it (barge-in). */
  record Asking(int attempt) implements LobbyState {}

  /** Keys are collected; the inter-digit timer runs. */
  record Listening(int attempt) implements LobbyState {}

  /** A PIN was submitted and is being evaluated; silence meanwhile. */
  record Checking(int attempt) implements LobbyState {}

  /** The "wrong PIN" cue plays; then the next attempt. Keys keyed meanwhile wait for it. */
  record Refusing(int attempt) implements LobbyState {}

  /** The "accepted" cue plays; then the caller is handed over. */
  record Admitting() implements LobbyState {}

  /** The final "wrong PIN" cue plays; then the caller is hung up. */
  record TurningAway(LobbyExit exit) implements LobbyState {}

  /** The lobby is done with this caller, or was closed. */
  record Finished() implements LobbyState {}
}
