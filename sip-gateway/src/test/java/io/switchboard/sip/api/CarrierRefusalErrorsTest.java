package io.switchboard.sip.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sip.carrier.CarrierFailure;
import io.switchboard.sip.outbound.OutboundEnd;
import io.switchboard.sip.transport.SipHeader;
import io.switchboard.sip.transport.SipHeaders;

/**
 * CreateSIPParticipant's error when the carrier refused the INVITE: LiveKit's code for the SIP
 * status, LiveKit's {@code sip_status_code} / {@code sip_status}, and what the carrier added, in
 * the message and in meta.
 */
class CarrierRefusalErrorsTest {

    @Test
    void twilioFraudBlockBehind603IsPermissionDeniedWithTwiliosCode() {
        TwirpException e = refused(603, "Decline", "",
                new SipHeader("X-Twilio-Error", "32203 Call blocked as potential fraud"));

        assertEquals(TwirpErrorCode.PERMISSION_DENIED, e.code());
        assertEquals("sip status 603: Decline (carrier block, twilio error 32203: Call blocked as potential fraud)",
                e.msg());
        assertEquals(Map.of("sip_status_code", "603", "sip_status", "Decline", "carrier", "twilio",
                "carrier_error_code", "32203", "carrier_error", "Call blocked as potential fraud",
                "carrier_blocked", "true"), e.meta());
    }

    /** LiveKit keeps 503's failed_precondition for a rate limit; meta.carrier_limit tells it apart. */
    @Test
    void cpsLimitBehind503StaysFailedPreconditionAndIsMarkedInMeta() {
        TwirpException e = refused(503, "Trunk CPS limit exceeded. Region: us1", "");

        assertEquals(TwirpErrorCode.FAILED_PRECONDITION, e.code());
        assertEquals("sip status 503: Trunk CPS limit exceeded. Region: us1 (trunk rate limit: cps)", e.msg());
        assertEquals("cps", e.meta().get("carrier_limit"));
        assertEquals("503", e.meta().get("sip_status_code"));
    }

    @Test
    void busyWithQ850Cause17IsResourceExhaustedWithTheCause() {
        TwirpException e = refused(486, "Busy Here", "", new SipHeader("Reason", "Q.850;cause=17;text=\"User busy\""));

        assertEquals(TwirpErrorCode.RESOURCE_EXHAUSTED, e.code());
        assertEquals("sip status 486: Busy Here (Q.850 cause 17: User busy)", e.msg());
        assertEquals(Map.of("sip_status_code", "486", "sip_status", "Busy Here", "reason_protocol", "Q.850",
                "reason_cause", "17", "reason_text", "User busy"), e.meta());
    }

    @Test
    void aPlainRefusalIsExactlyLiveKitsShape() {
        TwirpException e = refused(486, "Busy Here", "");
        assertEquals("sip status 486: Busy Here", e.msg());
        assertEquals(Map.of("sip_status_code", "486", "sip_status", "Busy Here"), e.meta());
    }

    private static TwirpException refused(int status, String reason, String body, SipHeader... headers) {
        return CreateParticipantMethod.failure(new OutboundEnd(OutboundEnd.Reason.REJECTED, status, reason,
                CarrierFailure.of(reason, SipHeaders.of(headers), body)));
    }
}
