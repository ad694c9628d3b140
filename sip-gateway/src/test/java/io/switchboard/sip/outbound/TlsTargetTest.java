package io.switchboard.sip.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.sip.sdp.CodecPolicy;
import io.switchboard.sip.transport.TransportProtocol;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Trunks with transport TLS: port 5061 by default, {@code sip:} URIs with {@code ;transport=tls}. */
class TlsTargetTest {
  @Test
  void tlsTrunkAddressWithoutPortMeans5061() {
    assertEquals(new OutboundTarget("sip.carrier.example", 5061, TransportProtocol.TLS),
        OutboundTarget.parse("sip.carrier.example", TransportProtocol.TLS));
    assertEquals(new OutboundTarget("sip.carrier.example", 5062, TransportProtocol.TLS),
        OutboundTarget.parse("sip.carrier.example:5062", TransportProtocol.TLS));
    assertEquals(5060, OutboundTarget.parse("sip.carrier.example", TransportProtocol.TCP).port());
  }

  @Test
  void requestUriToATlsTrunkIsSipWithTransportTls() {
    var plan = new DialPlan(OutboundTarget.parse("sip.carrier.example", TransportProtocol.TLS), "+14155550123",
        "+15105550100", "", "", Map.of(), "", "", Duration.ofSeconds(30), Duration.ofMinutes(10),
        CodecPolicy.defaults());
    var builder = new InviteBuilder("call-1", plan, "203.0.113.5", new SplittableRandom(1));

    assertEquals("sip:+14155550123@sip.carrier.example:5061;transport=tls", builder.requestUri());
  }

  @Test
  void viaTransportTokenTlsReadsAsTls() {
    assertEquals(TransportProtocol.TLS, TransportProtocol.fromToken("TLS"));
    assertEquals(TransportProtocol.TLS, TransportProtocol.fromToken("tls"));
    assertEquals(TransportProtocol.TCP, TransportProtocol.fromToken("TCP"));
    assertEquals(TransportProtocol.UDP, TransportProtocol.fromToken("SCTP"));
    assertEquals("tls", TransportProtocol.TLS.token());
  }
}
