package io.switchboard.sip.incall;

/** How a transfer ended, with the reasons LiveKit's TransferSIPParticipantResponse names. */
public sealed interface TransferOutcome {
  /** The transferee reached the target (a final 2xx sipfrag); our leg then hangs up. */
  record Transferred(ReferTarget target, SipFrag result) implements TransferOutcome {}

  /**
   * The transfer failed; the call goes on unless {@code reason} is CALL_ENDED.
   *
   * @param sipStatus the REFER's final status or the sipfrag's, 408 on timeout, 0 when none
   */
  record Failed(Reason reason, int sipStatus, String sipReason) implements TransferOutcome {}

  /** The call could not be transferred now (not answered yet, ended, another transfer running). */
  record NotPossible(String why) implements TransferOutcome {}

  enum Reason {
    /** The peer refused the REFER (403, 405, 501, 603...). */
    REJECTED,
    /** The transferee's new call failed (a 3xx-6xx sipfrag). */
    FAILED,
    /** No final NOTIFY within the timeout. */
    RINGING_TIMEOUT,
    /** The subscription ended (Subscription-State: terminated) without a final status. */
    SUBSCRIPTION_TERMINATED,
    /** The call ended before the transfer's outcome was known. */
    CALL_ENDED
  }
}
