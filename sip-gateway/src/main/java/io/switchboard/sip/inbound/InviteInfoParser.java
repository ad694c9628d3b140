package io.switchboard.sip.inbound;

import io.switchboard.sip.header.HeaderParseException;
import io.switchboard.sip.header.NameAddr;
import io.switchboard.sip.header.NameAddrParser;
import io.switchboard.sip.header.SipUri;
import io.switchboard.sip.transport.IncomingRequest;
import java.util.ArrayList;
import java.util.List;

/** Reads an {@link InviteInfo} out of an INVITE; malformed identity headers are named in the error. */
final class InviteInfoParser {
  private InviteInfoParser() {}

  static InviteInfo parse(IncomingRequest invite) throws HeaderParseException {
    CallParty from = party("From", invite.headers().first("From").orElseThrow(() -> missing("From")));
    CallParty to = party("To", invite.headers().first("To").orElseThrow(() -> missing("To")));
    CallParty caller = from;
    List<String> asserted = invite.headers().values("P-Asserted-Identity");
    if (!asserted.isEmpty()) {
      List<NameAddr> identities = list("P-Asserted-Identity", asserted.getFirst());
      if (!identities.isEmpty()) {
        // RFC 3325 allows one sip: and one tel: identity; the first is the preferred one.
        caller = party("P-Asserted-Identity", identities.getFirst());
      }
    }
    List<Diversion> diversions = new ArrayList<>();
    for (String value : invite.headers().values("Diversion")) {
      for (NameAddr entry : list("Diversion", value)) {
        diversions.add(new Diversion(party("Diversion", entry), entry.params().getOrDefault("reason", ""),
            counter(entry.params().get("counter"))));
      }
    }
    return new InviteInfo(invite.callId(), invite.requestUri(), from, to, caller, diversions, invite.source(),
        invite.headers());
  }

  private static CallParty party(String header, String value) throws HeaderParseException {
    try {
      return party(header, NameAddrParser.parse(value));
    } catch (HeaderParseException e) {
      throw new HeaderParseException("malformed " + header + " header: " + e.getMessage());
    }
  }

  private static CallParty party(String header, NameAddr address) throws HeaderParseException {
    try {
      return new CallParty(address.displayName(), address.uri(), SipUri.parse(address.uri()).user());
    } catch (HeaderParseException e) {
      throw new HeaderParseException("malformed " + header + " header: " + e.getMessage());
    }
  }

  private static List<NameAddr> list(String header, String value) throws HeaderParseException {
    try {
      return NameAddrParser.parseList(value);
    } catch (HeaderParseException e) {
      throw new HeaderParseException("malformed " + header + " header: " + e.getMessage());
    }
  }

  private static int counter(String value) {
    try {
      return value == null ? 1 : Math.max(1, Integer.parseInt(value.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static HeaderParseException missing(String header) {
    return new HeaderParseException("missing " + header + " header");
  }
}
