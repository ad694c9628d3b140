package io.switchboard.sip.pin;

/** Why a caller left the lobby without being admitted. */
public enum LobbyExit {
  /** Every attempt keyed a PIN that opens nothing (or was too long). */
  WRONG_PIN,
  /** Every attempt timed out with nothing keyed. */
  NO_INPUT,
  /** The overall lobby timeout passed. */
  TIMED_OUT,
  /** Evaluating the PIN failed (the rule store is unavailable). */
  CHECK_FAILED
}
