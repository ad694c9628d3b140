package io.switchboard.sip.transport;

/** Everything the SIP stack reports, classified; each event belongs to one Call-ID. */
public sealed interface SipEvent {
  String callId();

  record RequestReceived(IncomingRequest request) implements SipEvent {
    @Override
    public String callId() {
      return request.callId();
    }
  }

  record ResponseReceived(IncomingResponse response) implements SipEvent {
    @Override
    public String callId() {
      return response.callId();
    }
  }

  /** No final response to a request we sent (RFC 3261 Timer B/F). */
  record ClientTransactionTimedOut(String callId, ClientTransactionHandle transaction) implements SipEvent {}

  /** Our final response was never acknowledged or the transaction outlived its maximum lifetime. */
  record ServerTransactionTimedOut(String callId, ServerTransactionHandle transaction) implements SipEvent {}

  /** Our 2xx to an INVITE was retransmitted for 64*T1 without an ACK (RFC 3261 §13.3.1.4). */
  record AckNotReceived(String callId, DialogHandle dialog) implements SipEvent {}

  record DialogTerminated(String callId, DialogHandle dialog) implements SipEvent {}
}
