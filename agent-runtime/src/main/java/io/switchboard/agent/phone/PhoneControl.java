package io.switchboard.agent.phone;

import java.util.List;

/**
 * The phone calls in an agent's room, for its tools ({@code context.session().phone()}).
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
}
