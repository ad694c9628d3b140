package io.switchboard.sip.incall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.dtmf.DtmfDigit;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The bodies of in-dialog requests: INFO DTMF, NOTIFY sipfrag, and transfer targets. */
class InDialogBodiesTest {

  @Test
  void dtmfRelayBodiesAsCiscoAndCarriersSendThem() {
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.D5), DtmfInfo.read(DtmfInfo.RELAY, "Signal=5\r\nDuration=160\r\n"));
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.STAR), DtmfInfo.read(DtmfInfo.RELAY, "Signal= *\nDuration= 250\n"));
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.POUND), DtmfInfo.read(DtmfInfo.RELAY, "Duration=100\r\nsignal=11\r\n"),
        "# as RFC 4733 event 11, after the Duration line");
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.A), DtmfInfo.read(DtmfInfo.RELAY, "Signal=a\r\n"));
    assertTrue(DtmfInfo.read(DtmfInfo.RELAY, "Duration=160\r\n") instanceof DtmfInfo.Body.Malformed m
        && m.problem().contains("no Signal="));
    assertTrue(DtmfInfo.read(DtmfInfo.RELAY, "Signal=x\r\n") instanceof DtmfInfo.Body.Malformed m
        && m.problem().contains("'x' is not a DTMF key"));
  }

  @Test
  void plainDtmfEmptyAndForeignBodies() {
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.D9), DtmfInfo.read(DtmfInfo.PLAIN, "9\r\n"));
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.STAR), DtmfInfo.read(DtmfInfo.PLAIN, "10"));
    assertEquals(new DtmfInfo.Body.Empty(), DtmfInfo.read("", ""));
    assertEquals(new DtmfInfo.Body.Unsupported("application/media_control+xml"),
        DtmfInfo.read("application/media_control+xml", "<media_control/>"));
    assertEquals("application/dtmf-relay, application/dtmf", DtmfInfo.ACCEPT);
  }

  @Test
  void outgoingInfoUsesTheRelayFormat() {
    var info = DtmfInfo.request(DtmfDigit.POUND, Duration.ofMillis(160));
    assertEquals("INFO", info.method());
    assertEquals("application/dtmf-relay", info.contentType());
    assertEquals("Signal=#\r\nDuration=160\r\n", info.body());
    assertEquals(new DtmfInfo.Body.Digit(DtmfDigit.POUND), DtmfInfo.read(info.contentType(), info.body()));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SIP/2.0 100 Trying|100|Trying",
      "SIP/2.0 180 Ringing\\r\\n|180|Ringing",
      "SIP/2.0 200 OK\\r\\nContact: <sip:bob@192.0.2.4>\\r\\n|200|OK",
      "sip/2.0 486 Busy Here|486|Busy Here",
      "SIP/2.0 603 Declined|603|Declined"})
  void sipfragStatusLines(String body, int status, String reason) {
    assertEquals(Optional.of(new SipFrag(status, reason)), SipFrag.parse(body.replace("\\r\\n", "\r\n")));
  }

  @Test
  void notASipfrag() {
    assertEquals(Optional.empty(), SipFrag.parse(""));
    assertEquals(Optional.empty(), SipFrag.parse("INVITE sip:bob@example.com SIP/2.0"));
    assertEquals(Optional.empty(), SipFrag.parse("SIP/2.0 2000 OK"));
  }

  @Test
  void transferTargetsAsLiveKitTakesThem() {
    assertEquals("<sip:+14155550199@pstn.example.com>", ReferTarget.parse("sip:+14155550199@pstn.example.com").referTo("x"));
    assertEquals("<sips:bob@example.com;transport=tls>", ReferTarget.parse("<sips:bob@example.com;transport=tls>").referTo("x"));
    assertEquals("<sip:desk@10.0.0.5?X-Reason=vip>", ReferTarget.parse(" sip:desk@10.0.0.5?X-Reason=vip ").referTo("x"));
    var tel = ReferTarget.parse("tel:+1-415-555-0199");
    assertEquals("tel:+14155550199", tel.uri());
    assertEquals("<sip:+14155550199@203.0.113.9;user=phone>", tel.referTo("203.0.113.9"),
        "a tel: number becomes a SIP URI at the peer with user=phone (RFC 3261 §19.1.6)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "+14155550199|must be a sip:, sips: or tel: URI",
      "http://example.com|must be a sip:, sips: or tel: URI",
      "sip:|has no host",
      "sip:bob@|has no host",
      "tel:call-me|is not a telephone number",
      "sip:bob smith@example.com|contains spaces"})
  void badTransferTargetsAreNamed(String target, String problem) {
    var e = assertThrows(IllegalArgumentException.class, () -> ReferTarget.parse(target));
    assertTrue(e.getMessage().contains(problem) && e.getMessage().contains(target), e.getMessage());
  }

  @Test
  void transferRequestDefaultsAndHeaderNames() {
    var request = new TransferRequest(ReferTarget.parse("tel:+15105550100"), java.util.Map.of("X-Job", "42"), null, true);
    assertEquals(Duration.ofSeconds(80), request.timeout(), "LiveKit's default ringing timeout for transfers");
    var e = assertThrows(IllegalArgumentException.class,
        () -> new TransferRequest(ReferTarget.parse("tel:+15105550100"), java.util.Map.of("X Job", "1"), null, false));
    assertTrue(e.getMessage().contains("'X Job' is not a SIP token"), e.getMessage());
  }
}
