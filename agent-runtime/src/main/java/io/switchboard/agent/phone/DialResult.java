package io.switchboard.agent.phone;

/** How a call an agent placed turned out. */
public sealed interface DialResult {
  /** The callee answered and is in the agent's room as {@code participantIdentity}. */
  record Answered(String participantIdentity) implements DialResult {}

  /**
   * Nobody answered; the callee has left the room again.
   *
   * @param sipStatus the SIP status that ended it (486 busy, 603 declined, 408 no answer...), 0 when none
   * @param description what happened, e.g. {@code 486 Busy Here}
   */
  record Failed(int sipStatus, String description) implements DialResult {}
}
