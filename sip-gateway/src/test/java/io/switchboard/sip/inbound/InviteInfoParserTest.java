package io.switchboard.sip.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.header.HeaderParseException;
import io.switchboard.sip.transport.IncomingRequest;
import io.switchboard.sip.transport.Peer;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import io.switchboard.sip.transport.TransportProtocol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InviteInfoParserTest {
  private static IncomingRequest invite(String... headers) {
    List<SipHeader> list = new ArrayList<>();
    for (String header : headers) {
      String[] parts = header.split(": ", 2);
      list.add(new SipHeader(parts[0], parts[1]));
    }
    return new IncomingRequest("INVITE", "sip:+15105550100@gw.example.com", "c1", 1, "t", null,
        new SipHeaders(list), "", new Peer("192.76.120.10", 5060, TransportProtocol.TCP), null, null);
  }

  @Test
  void telUrisAndAssertedTelIdentityAreNumbers() throws Exception {
    InviteInfo info = InviteInfoParser.parse(invite(
        "From: <tel:+1-415-555-0123>;tag=9",
        "To: <sip:+15105550100@gw.example.com;user=phone>",
        "P-Asserted-Identity: <tel:+14155550199;verstat=TN-Validation-Passed>, <sip:+14155550199@telnyx.com>"));
    assertEquals("+14155550123", info.from().number());
    assertEquals("+14155550199", info.callerNumber());
    assertEquals("tel:+14155550199;verstat=TN-Validation-Passed", info.caller().uri());
    assertEquals("+15105550100", info.called());
    assertEquals(new Peer("192.76.120.10", 5060, TransportProtocol.TCP), info.source());
  }

  @Test
  void withoutAssertedIdentityTheCallerIsFrom() throws Exception {
    InviteInfo info = InviteInfoParser.parse(invite(
        "From: \"Anonymous\" <sip:anonymous@anonymous.invalid>;tag=1", "To: <sip:support@gw.example.com>"));
    assertEquals("", info.callerNumber());
    assertEquals("anonymous", info.caller().user());
    assertEquals("support", info.called());
    assertTrue(info.diversions().isEmpty());
  }

  @Test
  void everyDiversionEntryIsKeptInOrder() throws Exception {
    InviteInfo info = InviteInfoParser.parse(invite(
        "From: <sip:+14155550123@a.example>;tag=1", "To: <sip:+15105550100@b.example>",
        "Diversion: <sip:+15105550111@b.example>;reason=no-answer;counter=2, <sip:+15105550122@b.example>",
        "Diversion: <tel:+15105550133>;reason=user-busy"));
    assertEquals(List.of("+15105550111", "+15105550122", "+15105550133"),
        info.diversions().stream().map(d -> d.party().number()).toList());
    assertEquals(List.of("no-answer", "", "user-busy"), info.diversions().stream().map(Diversion::reason).toList());
    assertEquals(List.of(2, 1, 1), info.diversions().stream().map(Diversion::counter).toList());
  }

  @Test
  void missingOrBrokenIdentityHeadersAreNamed() {
    var missing = assertThrows(HeaderParseException.class, () -> InviteInfoParser.parse(invite("To: <sip:a@b>")));
    assertEquals("missing From header", missing.getMessage());
    var broken = assertThrows(HeaderParseException.class, () -> InviteInfoParser.parse(
        invite("From: <sip:a@b>;tag=1", "To: <sip:c@d>", "P-Asserted-Identity: \"Bob <sip:bob@x>")));
    assertTrue(broken.getMessage().startsWith("malformed P-Asserted-Identity header"), broken.getMessage());
  }
}
