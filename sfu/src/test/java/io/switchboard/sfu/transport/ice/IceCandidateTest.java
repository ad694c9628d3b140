package io.switchboard.sfu.transport.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Candidate lines as browsers and RFC 8839 write them. */
class IceCandidateTest {
  @Test
  void parsesAChromeServerReflexiveCandidate() {
    String line =
        "candidate:842163049 1 udp 1677729535 203.0.113.7 46154 typ srflx raddr 10.0.0.1 rport"
            + " 46154 generation 0 ufrag EEtu network-id 1 network-cost 10";
    IceCandidate c = IceCandidate.parse(line);
    assertEquals("842163049", c.foundation());
    assertEquals(1, c.component());
    assertEquals("udp", c.transport());
    assertEquals(1677729535L, c.priority());
    assertEquals("203.0.113.7", c.address());
    assertEquals(46154, c.port());
    assertEquals(IceCandidateType.SRFLX, c.type());
    assertEquals(new IceCandidate.RelatedAddress("10.0.0.1", 46154), c.related());
    assertEquals(
        Map.of("generation", "0", "ufrag", "EEtu", "network-id", "1", "network-cost", "10"),
        c.extensions());
    assertEquals(line, c.toSdp(), "round trip keeps field and extension order");
    assertTrue(c.hasIpAddress());
  }

  @Test
  void parsesRfc8839ExampleWithUppercaseTransportAndAPrefix() {
    // RFC 8839 §5.1 example.
    IceCandidate c =
        IceCandidate.parse("a=candidate:1 1 UDP 2130706431 203.0.113.141 8998 typ host");
    assertEquals("udp", c.transport());
    assertEquals(IceCandidateType.HOST, c.type());
    assertNull(c.related());
    assertEquals("candidate:1 1 udp 2130706431 203.0.113.141 8998 typ host", c.toSdp());
  }

  @Test
  void keepsMdnsHostNamesAndIpv6() {
    IceCandidate mdns =
        IceCandidate.parse(
            "candidate:3442447574 1 udp 2122260223 4a3e1c6f-8b1d-4b7e-9c1a-2f0e5d6c7b8a.local"
                + " 54400 typ host generation 0 ufrag Yp2a network-cost 999");
    assertFalse(mdns.hasIpAddress());
    IceCandidate v6 = IceCandidate.parse("candidate:2 1 udp 2122197247 2001:db8::1 9 typ host");
    assertTrue(v6.hasIpAddress());
  }

  @Test
  void parsesAnIceTcpCandidate() {
    IceCandidate c =
        IceCandidate.parse("candidate:1 1 tcp 1518280447 192.0.2.5 9 typ host tcptype active");
    assertEquals("tcp", c.transport());
    assertEquals("active", c.extensions().get("tcptype"));
  }

  @Test
  void namesWhatIsWrong() {
    assertEquals(
        "an ICE candidate starts with 'candidate:', got '1 1 udp 1 1.2.3.4 5 typ host'",
        message("1 1 udp 1 1.2.3.4 5 typ host"));
    assertEquals(
        "candidate component must be 1 to 256, got 0",
        message("candidate:1 0 udp 1 1.2.3.4 5 typ host"));
    assertEquals(
        "candidate port must be 0 to 65535, got 70000",
        message("candidate:1 1 udp 1 1.2.3.4 70000 typ host"));
    assertEquals(
        "candidate priority must be a number, got 'high'",
        message("candidate:1 1 udp high 1.2.3.4 5 typ host"));
    assertEquals(
        "candidate type must be host, srflx, prflx or relay, got 'stun'",
        message("candidate:1 1 udp 1 1.2.3.4 5 typ stun"));
    assertEquals(
        "raddr and rport must come together in 'candidate:1 1 udp 1 1.2.3.4 5 typ srflx raddr"
            + " 10.0.0.1 x y'",
        message("candidate:1 1 udp 1 1.2.3.4 5 typ srflx raddr 10.0.0.1 x y"));
    assertTrue(message("candidate:1 1 udp 1 1.2.3.4 5 host").startsWith("an ICE candidate needs"));
  }

  private static String message(String line) {
    return assertThrows(IllegalArgumentException.class, () -> IceCandidate.parse(line))
        .getMessage();
  }

  @Test
  void iceParametersFollowRfc8839Lengths() {
    new IceParameters("abcd", "0123456789012345678901");
    assertEquals(
        "ice-ufrag must be 4 to 256 characters, got 3",
        assertThrows(IllegalArgumentException.class, () -> new IceParameters("abc", "x".repeat(22)))
            .getMessage());
    assertEquals(
        "ice-pwd may hold only letters, digits, '+' and '/', found '-'",
        assertThrows(
                IllegalArgumentException.class, () -> new IceParameters("abcd", "-".repeat(22)))
            .getMessage());
  }
}
