package io.switchboard.sip.transport;

import java.util.Objects;

/**
 * A request as the call layer sees it: plain values, no library types.
 *
 * @param toTag the To tag, null for requests outside a dialog
 * @param body the body as UTF-8 text, empty when there is none
 * @param transaction null for ACK, which has no server transaction
 * @param dialog null when the stack has no dialog for the request
 */
public record IncomingRequest(
    String method,
    String requestUri,
    String callId,
    long cseq,
    String fromTag,
    String toTag,
    SipHeaders headers,
    String body,
    Peer source,
    ServerTransactionHandle transaction,
    DialogHandle dialog) {
  public IncomingRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(source, "source");
  }

  public boolean hasBody() {
    return !body.isBlank();
  }

  public boolean isInDialog() {
    return toTag != null && !toTag.isEmpty();
  }

  /** The media type of the body without parameters, lower-cased; empty when absent. */
  public String contentType() {
    return headers.first("Content-Type")
        .map(value -> value.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT))
        .orElse("");
  }
}
