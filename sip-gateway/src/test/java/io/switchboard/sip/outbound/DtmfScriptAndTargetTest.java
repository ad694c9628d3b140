package io.switchboard.sip.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.transport.TransportProtocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmfScriptAndTargetTest {
  @Test
  void eachWWaitsHalfASecondBeforeTheNextDigit() {
    var script = DtmfScript.parse("ww12w#");
    assertEquals(List.of(
        new DtmfScript.Step(Duration.ofMillis(1000), '1'),
        new DtmfScript.Step(Duration.ofMillis(1240), '2'),
        new DtmfScript.Step(Duration.ofMillis(1980), '#')), script.steps());
    assertEquals(Duration.ofMillis(2220), script.duration(), "the last digit is out one spacing after it starts");
    assertEquals(Duration.ZERO, DtmfScript.parse("ww").duration(), "pauses alone send nothing");
  }

  @Test
  void aCharacterThatIsNoDigitIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> DtmfScript.parse("12x"));
    assertTrue(e.getMessage().contains("character 3 'x'"), e.getMessage());
  }

  @Test
  void trunkAddressesAreHostAndOptionalPortNeverUris() {
    assertEquals(new OutboundTarget("sip.example.com", 5060, TransportProtocol.UDP),
        OutboundTarget.parse("sip.example.com", TransportProtocol.UDP));
    assertEquals(new OutboundTarget("10.0.0.1", 5080, TransportProtocol.TCP),
        OutboundTarget.parse("10.0.0.1:5080", TransportProtocol.TCP));
    assertEquals(new OutboundTarget("[2001:db8::1]", 5070, TransportProtocol.UDP),
        OutboundTarget.parse("[2001:db8::1]:5070", TransportProtocol.UDP));
    var e = assertThrows(IllegalArgumentException.class,
        () -> OutboundTarget.parse("sip:trunk.example.com", TransportProtocol.UDP));
    assertTrue(e.getMessage().contains("not a SIP URI"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OutboundTarget.parse("host:port", TransportProtocol.UDP));
  }
}
