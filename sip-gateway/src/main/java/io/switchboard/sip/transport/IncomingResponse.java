package io.switchboard.sip.transport;

import java.util.Objects;

/**
 * A response to a request we sent.
 *
 * @param transaction null for a 2xx retransmission the stack could not match
 */
public record IncomingResponse(
    int status,
    String reason,
    String callId,
    long cseq,
    String method,
    SipHeaders headers,
    String body,
    ClientTransactionHandle transaction,
    DialogHandle dialog) {
  public IncomingResponse {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  public boolean isFinal() {
    return status >= 200;
  }
}
