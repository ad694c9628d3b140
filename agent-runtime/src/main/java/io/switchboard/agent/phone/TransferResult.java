package io.switchboard.agent.phone;

/** How a transfer ended. */
public sealed interface TransferResult {
  /** The caller reached the target; their call with this room has ended. */
  record Transferred(String target) implements TransferResult {}

  /**
   * The transfer did not happen and the caller is still in the room.
   *
   * @param reason what failed, e.g. REJECTED (the carrier refused the REFER), FAILED (the target
   *     did not answer), RINGING_TIMEOUT, NOT_POSSIBLE
   * @param sipStatus the SIP status reported, 0 when none (e.g. 603, 486)
   */
  record Failed(String reason, int sipStatus, String description) implements TransferResult {}
}
