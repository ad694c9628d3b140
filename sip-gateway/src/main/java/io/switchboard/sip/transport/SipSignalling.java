package io.switchboard.sip.transport;

/** What a call can ask of the SIP stack. Implemented by {@link JainSipStack}; faked in unit tests. */
public interface SipSignalling {
  /** Sends a response on a server transaction. @throws SipSendException when it cannot be sent */
  void respond(ServerTransactionHandle transaction, OutgoingResponse response);

  /**
   * Forgets a request without answering it, so the peer hears nothing at all: a real stack
   * otherwise sends its own 100 Trying for an INVITE left unanswered for 200 ms (RFC 3261
   * §17.2.1). Retransmissions then arrive as new requests. Stacks (and fakes) that never answer
   * on their own need do nothing.
   */
  default void abandon(ServerTransactionHandle transaction) {}

  /** Sends a request inside a dialog. @throws SipSendException when it cannot be sent */
  ClientTransactionHandle sendInDialog(DialogHandle dialog, OutgoingRequest request);

  /** The address we put in Contact headers: the configured external address behind NAT. */
  String advertisedAddress();

  /** Acknowledges a 2xx to our re-INVITE (RFC 3261 §13.2.2.4). @throws SipSendException on failure */
  void acknowledge(DialogHandle dialog, long inviteCseq);

  /**
   * Sends an INVITE that starts a dialog of ours, out of dialog, on a new client transaction.
   * Responses arrive as {@link SipEvent.ResponseReceived} for its Call-ID; a 2xx carries the dialog.
   *
   * @throws SipSendException when it cannot be sent
   */
  default ClientTransactionHandle sendInvite(OutgoingInvite invite) {
    throw new UnsupportedOperationException("this SIP stack does not place calls");
  }

  /**
   * Cancels an INVITE of ours that has had a provisional response (RFC 3261 §9.1). The INVITE
   * then ends with 487 (or a 2xx that won the race, which the caller ACKs and BYEs).
   *
   * @throws SipSendException when it cannot be sent
   */
  default void cancel(ClientTransactionHandle invite) {
    throw new UnsupportedOperationException("this SIP stack does not place calls");
  }
}
