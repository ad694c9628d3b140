package io.switchboard.sip.outbound;

import io.switchboard.sip.sdp.CodecPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the SIP side needs to place one call.
 *
 * @param calledUser the user part of the request URI and To ({@code sip_call_to})
 * @param callerUser the user part of From ({@code sip_number}, the caller id)
 * @param fromHost the host of From; empty means our advertised address
 * @param displayName From's display name; empty for none
 * @param headers added to the INVITE, in order (trunk headers, then the request's)
 * @param authUsername answers 401/407 challenges together with authPassword; empty for none
 * @param ringingTimeout from the INVITE until an answer; then CANCEL
 * @param maxCallDuration from the answer; then BYE
 */
public record DialPlan(
    OutboundTarget target,
    String calledUser,
    String callerUser,
    String fromHost,
    String displayName,
    Map<String, String> headers,
    String authUsername,
    String authPassword,
    Duration ringingTimeout,
    Duration maxCallDuration,
    CodecPolicy codecs) {
  public DialPlan {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(calledUser, "calledUser");
    Objects.requireNonNull(callerUser, "callerUser");
    fromHost = fromHost == null ? "" : fromHost;
    displayName = displayName == null ? "" : displayName;
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    authUsername = authUsername == null ? "" : authUsername;
    authPassword = authPassword == null ? "" : authPassword;
    Objects.requireNonNull(ringingTimeout, "ringingTimeout");
    Objects.requireNonNull(maxCallDuration, "maxCallDuration");
    Objects.requireNonNull(codecs, "codecs");
    if (ringingTimeout.isNegative() || ringingTimeout.isZero() || maxCallDuration.isNegative()
        || maxCallDuration.isZero()) {
      throw new IllegalArgumentException("ringing timeout and maximum call duration must be positive");
    }
  }

  public DialPlan withCodecs(CodecPolicy policy) {
    return new DialPlan(target, calledUser, callerUser, fromHost, displayName, headers, authUsername, authPassword,
        ringingTimeout, maxCallDuration, policy);
  }

  boolean hasCredentials() {
    return !authUsername.isEmpty();
  }

  /** The password never reaches a log line. */
  @Override
  public String toString() {
    return "DialPlan[to=" + calledUser + " via " + target + ", from=" + callerUser + ", auth="
        + (hasCredentials() ? authUsername : "none") + ", ringing=" + ringingTimeout + "]";
  }
}
