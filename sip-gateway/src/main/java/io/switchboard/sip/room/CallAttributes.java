package io.switchboard.sip.room;

import io.switchboard.sip.inbound.InviteInfo;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.trunk.match.CallOptions;
import io.switchboard.trunk.match.SipAttributes;
import io.switchboard.trunk.model.IncludeHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The participant attributes a phone call carries, named as LiveKit names them. */
final class CallAttributes {
  /** Carrier call ids LiveKit maps automatically, by lower-case header name. */
  private static final Map<String, String> CARRIER_HEADERS =
      Map.of(
          "x-twilio-accountsid", "sip.twilio.accountSid",
          "x-twilio-callsid", "sip.twilio.callSid",
          "x-call_leg_id", "sip.telnyx.callLegID",
          "x-call_session_id", "sip.telnyx.callSessionID");

  private CallAttributes() {}

  /** @param callStatus {@code sip.callStatus}: {@code ringing}, or {@code active} once answered */
  static Map<String, String> of(
      Map<String, String> routeAttributes, String callId, InviteInfo invite, CallOptions options, String callStatus) {
    Map<String, String> attrs = new LinkedHashMap<>(routeAttributes);
    attrs.put(SipAttributes.CALL_ID, callId);
    attrs.put("sip.callIDFull", invite.callId());
    attrs.put(SipAttributes.CALL_STATUS, callStatus);
    for (SipHeader header : invite.headers().all()) {
      String lower = header.name().toLowerCase(Locale.ROOT);
      String carrier = CARRIER_HEADERS.get(lower);
      if (carrier != null) {
        attrs.put(carrier, header.value());
      }
      if (options.includeHeaders() == IncludeHeaders.ALL
          || (options.includeHeaders() == IncludeHeaders.X_HEADERS && lower.startsWith("x-"))) {
        attrs.put(SipAttributes.HEADER_PREFIX + lower, header.value());
      }
    }
    options.headersToAttributes()
        .forEach((headerName, attribute) -> invite.headers().first(headerName).ifPresent(v -> attrs.put(attribute, v)));
    return attrs;
  }
}
