package io.switchboard.sip.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;

/**
 * A call that ended with a SIP status, as a Twirp error the way LiveKit shapes it
 * ({@code livekit/sip.go SIPStatus}): the code from LiveKit's SIP-to-gRPC table, the message
 * {@code sip status <code>: <reason>}, and {@code meta.sip_status_code} / {@code meta.sip_status}.
 */
final class SipStatusErrors {

    private SipStatusErrors() {
    }

    static TwirpException of(int status, String reason, String detail) {
        String text = reason == null || reason.isEmpty() ? "SIP " + status : reason;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sip_status_code", Integer.toString(status));
        meta.put("sip_status", text);
        String msg = "sip status " + status + ": " + text + (detail.isEmpty() ? "" : " (" + detail + ")");
        return new TwirpException(code(status), msg, meta);
    }

    /** LiveKit's {@code sipCodeToGRPCCode}, as Twirp codes; unlisted codes fall back by class. */
    static TwirpErrorCode code(int status) {
        return switch (status) {
            case 301, 302, 404, 410, 481, 604 -> TwirpErrorCode.NOT_FOUND;
            case 401, 402, 403, 433, 470, 603, 607, 608 -> TwirpErrorCode.PERMISSION_DENIED;
            case 407, 428, 436, 437, 438, 494 -> TwirpErrorCode.UNAUTHENTICATED;
            case 408, 504 -> TwirpErrorCode.DEADLINE_EXCEEDED;
            case 409, 412, 482, 483, 500, 501, 502, 503 -> TwirpErrorCode.FAILED_PRECONDITION;
            case 416 -> TwirpErrorCode.OUT_OF_RANGE;
            case 440, 480, 486, 600 -> TwirpErrorCode.RESOURCE_EXHAUSTED;
            case 487, 491 -> TwirpErrorCode.ABORTED;
            default -> status >= 500 && status < 600 ? TwirpErrorCode.FAILED_PRECONDITION : TwirpErrorCode.INVALID_ARGUMENT;
        };
    }
}
