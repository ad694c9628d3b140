package io.switchboard.sip.transport;

import java.util.List;
import java.util.Objects;

/**
 * An INVITE that starts a dialog of ours (we are the UAC, RFC 3261 §8.1), sent out of dialog to
 * a trunk. The request URI decides where it goes: its host, port and {@code transport} parameter.
 *
 * @param callId chosen by the caller, so the call can be routed before the stack answers
 * @param cseq 1 for the first INVITE, one more for each re-sent one (digest retry, §22.2)
 * @param fromDisplayName empty for none
 * @param branch the Via branch: a new one per transaction, starting with {@code z9hG4bK}
 * @param headers extra headers (trunk and request custom headers, Authorization on a retry)
 * @param sdp our offer
 */
public record OutgoingInvite(
    String callId,
    long cseq,
    String requestUri,
    String fromUri,
    String fromDisplayName,
    String fromTag,
    String toUri,
    TransportProtocol transport,
    String branch,
    List<SipHeader> headers,
    String sdp) {
  public OutgoingInvite {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(fromUri, "fromUri");
    fromDisplayName = fromDisplayName == null ? "" : fromDisplayName;
    Objects.requireNonNull(fromTag, "fromTag");
    Objects.requireNonNull(toUri, "toUri");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(branch, "branch");
    if (!branch.startsWith("z9hG4bK")) {
      throw new IllegalArgumentException("Via branch must start with the RFC 3261 magic cookie: " + branch);
    }
    headers = List.copyOf(headers);
    Objects.requireNonNull(sdp, "sdp");
    if (cseq < 1) {
      throw new IllegalArgumentException("CSeq must be positive: " + cseq);
    }
  }
}
