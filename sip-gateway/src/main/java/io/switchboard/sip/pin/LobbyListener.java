package io.switchboard.sip.pin;

/**
 * Hears how the lobby ends, exactly once, on the lobby's tick thread after its last tick:
 * from then on the lobby no longer touches the caller's audio. Must not block.
 */
public interface LobbyListener<T> {
  /** The PIN was right and the "accepted" cue has played: take the caller to {@code destination}. */
  void onAdmitted(T destination);

  /** The caller is turned away (the "wrong PIN" cue has played, where one applies): hang up. */
  void onTurnedAway(LobbyExit exit);
}
