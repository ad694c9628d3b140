package io.switchboard.agent.phone;

import java.util.List;

/**
 * The phone calls in an agent's room, for its tools ({@code context.session().phone()}): the
 * callers, transfers, DTMF, hang-up, and new calls into the room.
 * Participants are named by identity, e.g. {@code sip_+14155550123}.
 */
public interface PhoneControl {
  /** Identities of the phone callers (SIP participants) in the room now. */
  List<String> callers();

  /** Cold-transfers a caller and waits for the outcome. */
  default TransferResult transfer(String participantIdentity, String transferTo) throws InterruptedException {
    return transfer(participantIdentity, transferTo, TransferOptions.DEFAULT);
  }

  TransferResult transfer(String participantIdentity, String transferTo, TransferOptions options)
      throws InterruptedException;

  /**
   * Keys {@code digits} (0-9, *, #, A-D) to a caller: LiveKit SipDTMF data addressed to them,
   * which their leg sends as RFC 4733 events (or SIP INFO).
   *
   * @throws IllegalArgumentException naming the first character that is not a key
   */
  void sendDtmf(String participantIdentity, String digits);

  /** Hangs up a caller. */
  void hangUp(String participantIdentity);

  /** Calls {@code number} into this room through the outbound trunk created first; see {@link #dial(String, DialOptions)}. */
  default DialResult dial(String number) throws InterruptedException {
    return dial(number, DialOptions.DEFAULT);
  }

  /**
   * Calls {@code number} (a phone number or SIP user, as CreateSIPParticipant's {@code sip_call_to})
   * into this room and waits until it is answered or fails. The callee is in the room from the
   * start ({@code sip.callStatus} dialing, ringing), so everyone there hears the answer at once.
   *
   * @throws IllegalArgumentException naming what is wrong (no such trunk, no trunk at all, a bad number)
   */
  DialResult dial(String number, DialOptions options) throws InterruptedException;
}
