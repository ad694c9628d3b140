package io.switchboard.sip.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameAddrParserTest {
  @Test
  void parsesQuotedDisplayNameUriAndTag() throws Exception {
    NameAddr from = NameAddrParser.parse("\"Bob \\\"B\\\" Smith\" <sip:+14155550123@54.172.60.1;user=phone>;tag=84512");
    assertEquals(new NameAddr("Bob \"B\" Smith", "sip:+14155550123@54.172.60.1;user=phone", Map.of("tag", "84512")),
        from);
  }

  @Test
  void addrSpecParametersBelongToTheHeader() throws Exception {
    NameAddr to = NameAddrParser.parse("sip:+15105550100@gw.example.com;tag=abc");
    assertEquals("sip:+15105550100@gw.example.com", to.uri());
    assertEquals("abc", to.param("tag"));
  }

  @Test
  void splitsListsOnTopLevelCommasOnly() throws Exception {
    List<NameAddr> identities = NameAddrParser.parseList(
        "\"Smith, Bob\" <sip:+14155550123@carrier.example;user=phone>, <tel:+14155550123;verstat=TN-Validation-Passed>");
    assertEquals(2, identities.size());
    assertEquals("Smith, Bob", identities.get(0).displayName());
    assertEquals("tel:+14155550123;verstat=TN-Validation-Passed", identities.get(1).uri());
  }

  @Test
  void rejectsBrokenAddressesWithTheReason() {
    var unclosed = assertThrows(HeaderParseException.class, () -> NameAddrParser.parse("<sip:a@b"));
    assertEquals("address '<sip:a@b' has '<' without '>'", unclosed.getMessage());
    assertThrows(HeaderParseException.class, () -> NameAddrParser.parse("\"Mr J. User <sip:j@example.com>"));
    assertThrows(HeaderParseException.class, () -> NameAddrParser.parse("sip:user@example.com junk"));
  }

  @Test
  void parsesSipAndTelUris() throws Exception {
    assertEquals(new SipUri("sip", "+15105550100", "gw.example.com", 5080, Map.of("transport", "tcp")),
        SipUri.parse("sip:+15105550100@GW.example.com:5080;transport=tcp"));
    assertEquals(new SipUri("tel", "+1-510-555-0100", "", -1, Map.of("phone-context", "example.com")),
        SipUri.parse("tel:+1-510-555-0100;phone-context=example.com"));
    // RFC 4475 §3.1.1.9: a ;par in the user part stays in the user; escapes are decoded.
    assertEquals("user;par=u@example.net", SipUri.parse("sip:user;par=u%40example.net@example.com").user());
    assertEquals("", SipUri.parse("sip:gw.example.com").user());
    assertEquals("nobodyknowsthisscheme", SipUri.parse("nobodyKnowsThisScheme:totallyopaquecontent").scheme());
    assertThrows(HeaderParseException.class, () -> SipUri.parse("sip:alice@host:99999"));
    assertThrows(HeaderParseException.class, () -> SipUri.parse("no-scheme"));
  }

  @Test
  void parsesParameterizedValues() {
    assertEquals(new ParameterizedValue("1800", Map.of("refresher", "uac")),
        ParameterizedValue.parse("1800;refresher=uac"));
    assertEquals(new ParameterizedValue("90", Map.of()), ParameterizedValue.parse(" 90 "));
  }
}
