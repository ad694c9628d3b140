package io.switchboard.sip.inbound;

import io.switchboard.sip.transport.Peer;
import io.switchboard.sip.transport.SipHeaders;
import java.util.List;
import java.util.Objects;

/**
 * What an inbound INVITE says about the call, for routing and authorization.
 *
 * @param caller the asserted identity (first P-Asserted-Identity) when present, else From
 * @param diversions Diversion entries, most recent first
 * @param source the packet's source address, port and transport
 * @param headers every header of the INVITE, in order
 */
public record InviteInfo(
    String callId,
    String requestUri,
    CallParty from,
    CallParty to,
    CallParty caller,
    List<Diversion> diversions,
    Peer source,
    SipHeaders headers) {
  public InviteInfo {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(requestUri, "requestUri");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(caller, "caller");
    diversions = List.copyOf(diversions);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(headers, "headers");
  }

  /** The called number or user: the To user, as trunks match on it. */
  public String called() {
    return to.number().isEmpty() ? to.user() : to.number();
  }

  /** The caller's number from the asserted identity or From; empty for anonymous callers. */
  public String callerNumber() {
    return caller.number();
  }

  /** Whether the INVITE carries digest credentials (a retry after our 401). */
  public boolean hasCredentials() {
    return !headers.values("Authorization").isEmpty();
  }
}
