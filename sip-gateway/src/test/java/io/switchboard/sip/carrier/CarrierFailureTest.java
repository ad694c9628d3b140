package io.switchboard.sip.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Carrier-shaped refusals of an outbound INVITE: Twilio's fraud block behind a plain 603, Twilio's
 * trunk rate limits behind a 5xx (the phrases LiveKit SIP matches), and a PSTN busy carried as an
 * RFC 3326 Q.850 Reason (cause 17 "user busy", ITU-T Q.850 Table 1).
 */
class CarrierFailureTest {

  @Test
  void twilioFraudBlockBehindA603IsReadFromXTwilioError() {
    var failure = CarrierFailure.of("Decline",
        SipHeaders.of(new SipHeader("X-Twilio-Error", "32203 Call blocked as potential fraud")), "");

    assertEquals(Optional.of(new CarrierError("twilio", 32203, "Call blocked as potential fraud")), failure.error());
    assertTrue(failure.permanentBlock(), "32203 is a block for good, not an ordinary decline");
    assertEquals(Optional.empty(), failure.limit());
    assertEquals("carrier block, twilio error 32203: Call blocked as potential fraud", failure.describe());
    assertEquals(Map.of("carrier", "twilio", "carrier_error_code", "32203",
        "carrier_error", "Call blocked as potential fraud", "carrier_blocked", "true"), failure.meta());
    assertEquals(Map.of("sip.carrier", "twilio", "sip.carrierErrorCode", "32203",
        "sip.carrierError", "Call blocked as potential fraud", "sip.carrierBlocked", "true"), failure.attributes());
  }

  @Test
  void otherTwilioCodesAreReportedButAreNoBlock() {
    var failure = CarrierFailure.of("Busy Here",
        SipHeaders.of(new SipHeader("X-Twilio-Error", "13224 Invalid phone number")), "");
    assertEquals(13224, failure.error().orElseThrow().code());
    assertFalse(failure.permanentBlock());
    assertFalse(failure.meta().containsKey("carrier_blocked"));
  }

  @Test
  void anXTwilioErrorWithoutALeadingCodeIsIgnored() {
    var failure = CarrierFailure.of("Decline", SipHeaders.of(new SipHeader("X-Twilio-Error", "blocked 32203")), "");
    assertTrue(failure.isEmpty(), failure.toString());
    assertEquals("", failure.describe());
    assertEquals(Map.of(), failure.meta());
  }

  @Test
  void twilioCpsLimitInA503ReasonPhraseIsARateLimit() {
    var failure = CarrierFailure.of("Trunk CPS limit exceeded. Region: us1", SipHeaders.of(), "");
    assertEquals(Optional.of(CarrierLimit.CALLS_PER_SECOND), failure.limit());
    assertEquals(Map.of("carrier_limit", "cps"), failure.meta());
    assertEquals(Map.of("sip.carrierLimit", "cps"), failure.attributes());
    assertEquals("trunk rate limit: cps", failure.describe());
  }

  @Test
  void concurrentCallLimitInA5xxBodyIsARateLimit() {
    var failure = CarrierFailure.of("Service Unavailable", SipHeaders.of(new SipHeader("Content-Type", "text/plain")),
        "Trunk concurrent call limit exceeded. Region: us1");
    assertEquals(Optional.of(CarrierLimit.CONCURRENT_CALLS), failure.limit());
    assertEquals("concurrent_calls", failure.meta().get("carrier_limit"));
  }

  @Test
  void busyWithAQ850ReasonCarriesCause17AndItsText() {
    var failure = CarrierFailure.of("Busy Here",
        SipHeaders.of(new SipHeader("Reason", "Q.850;cause=17;text=\"User busy\"")), "");
    assertEquals(Optional.of(new ReasonHeader("Q.850", OptionalInt.of(17), "User busy")), failure.reason());
    assertEquals("Q.850 cause 17: User busy", failure.describe());
    assertEquals(Map.of("reason_protocol", "Q.850", "reason_cause", "17", "reason_text", "User busy"), failure.meta());
    assertEquals(Map.of("sip.reasonProtocol", "Q.850", "sip.reasonCause", "17", "sip.reasonText", "User busy"),
        failure.attributes());
  }

  /** RFC 3326 §2 allows several values; the Q.850 one is the PSTN's cause and is the one reported. */
  @Test
  void theQ850ValueWinsOverASipOneAndCommasInQuotedTextDoNotSplit() {
    List<ReasonHeader> parsed = ReasonHeader.parse(List.of(
        "SIP ;cause=600 ;text=\"Busy, everywhere\", Q.850 ;cause=17 ;text=\"User \\\"busy\\\"\""));
    assertEquals(List.of(new ReasonHeader("SIP", OptionalInt.of(600), "Busy, everywhere"),
        new ReasonHeader("Q.850", OptionalInt.of(17), "User \"busy\"")), parsed);

    var failure = CarrierFailure.of("Busy Everywhere", SipHeaders.of(
        new SipHeader("Reason", "SIP;cause=600;text=\"Busy Everywhere\""), new SipHeader("Reason", "Q.850;cause=17")), "");
    assertEquals("Q.850", failure.reason().orElseThrow().protocol());
    assertEquals("Q.850 cause 17", failure.describe());
    assertFalse(failure.meta().containsKey("reason_text"), "no text, no key");
  }

  @Test
  void aReasonWithoutCauseOrWithANonNumericOneKeepsItsProtocolAndText() {
    assertEquals(List.of(new ReasonHeader("preemption", OptionalInt.empty(), "Superseded")),
        ReasonHeader.parse(List.of("preemption ;cause=x ;text=\"Superseded\"")));
  }

  @Test
  void aPlainRefusalSaysNothingMore() {
    var failure = CarrierFailure.of("Service Unavailable", SipHeaders.of(new SipHeader("Retry-After", "5")), "");
    assertTrue(failure.isEmpty());
    assertEquals(CarrierFailure.NONE, failure);
  }
}
