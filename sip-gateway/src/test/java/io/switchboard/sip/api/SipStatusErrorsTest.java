package io.switchboard.sip.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;

/** SIP failures as Twirp errors, with the codes of LiveKit's livekit/sip.go table. */
class SipStatusErrorsTest {

    @Test
    void mapsTheStatusesUsersMeetAsLiveKitDoes() {
        assertEquals(TwirpErrorCode.RESOURCE_EXHAUSTED, SipStatusErrors.code(486));
        assertEquals(TwirpErrorCode.RESOURCE_EXHAUSTED, SipStatusErrors.code(480));
        assertEquals(TwirpErrorCode.PERMISSION_DENIED, SipStatusErrors.code(603));
        assertEquals(TwirpErrorCode.PERMISSION_DENIED, SipStatusErrors.code(403));
        assertEquals(TwirpErrorCode.DEADLINE_EXCEEDED, SipStatusErrors.code(408));
        assertEquals(TwirpErrorCode.FAILED_PRECONDITION, SipStatusErrors.code(503));
        assertEquals(TwirpErrorCode.NOT_FOUND, SipStatusErrors.code(404));
        assertEquals(TwirpErrorCode.UNAUTHENTICATED, SipStatusErrors.code(407));
        assertEquals(TwirpErrorCode.ABORTED, SipStatusErrors.code(487));
        assertEquals(TwirpErrorCode.FAILED_PRECONDITION, SipStatusErrors.code(599), "unlisted 5xx");
        assertEquals(TwirpErrorCode.INVALID_ARGUMENT, SipStatusErrors.code(499), "unlisted 4xx");
    }

    /** What a carrier answers a REFER with, or reports in a NOTIFY: the same table as for an INVITE. */
    @Test
    void mapsTransferRefusalsWithTheSameTable() {
        assertEquals(TwirpErrorCode.INVALID_ARGUMENT, SipStatusErrors.code(405), "REFER not allowed");
        assertEquals(TwirpErrorCode.PERMISSION_DENIED, SipStatusErrors.code(401));
        assertEquals(TwirpErrorCode.FAILED_PRECONDITION, SipStatusErrors.code(501), "REFER not implemented");
        assertEquals(TwirpErrorCode.NOT_FOUND, SipStatusErrors.code(604));
        assertEquals(TwirpErrorCode.NOT_FOUND, SipStatusErrors.code(481), "no such dialog");
        assertEquals(TwirpErrorCode.INVALID_ARGUMENT, SipStatusErrors.code(606), "unlisted 6xx");
        assertEquals(TwirpErrorCode.PERMISSION_DENIED, SipStatusErrors.code(607), "unwanted");
        assertEquals(TwirpErrorCode.ABORTED, SipStatusErrors.code(491), "request pending");
        assertEquals(TwirpErrorCode.OUT_OF_RANGE, SipStatusErrors.code(416));
    }

    @Test
    void carriesTheStatusInMetaAndTheMessage() {
        TwirpException e = SipStatusErrors.of(486, "Busy Here", "");
        assertEquals(Map.of("sip_status_code", "486", "sip_status", "Busy Here"), e.meta());
        assertEquals("sip status 486: Busy Here", e.msg());
        assertEquals("SIP 500", SipStatusErrors.of(500, "", "").meta().get("sip_status"), "no reason phrase");
    }
}
