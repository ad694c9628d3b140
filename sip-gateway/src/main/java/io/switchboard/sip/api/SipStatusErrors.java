package io.switchboard.sip.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;

/**
 * The one SIP-status-to-Twirp table, for every API that reports a SIP failure (CreateSIPParticipant's
 * INVITE, TransferSIPParticipant's REFER and NOTIFY sipfrag). It is LiveKit's {@code sipCodeToGRPCCode}
 * (livekit/protocol {@code livekit/sip.go}, with the {@code GRPCStatus} fallbacks by class), so
 * clients that branch on the code behave as against LiveKit. The error is shaped as LiveKit's
 * {@code SIPStatus}: message {@code sip status <code>: <reason>}, and {@code meta.sip_status_code} /
 * {@code meta.sip_status} ({@code TwirpErrorMeta}).
 */
public final class SipStatusErrors {

    private SipStatusErrors() {
    }

    /** A failed call as LiveKit reports it; {@code detail}, when not empty, is appended in parentheses. */
    public static TwirpException of(int status, String reason, String detail) {
        String msg = "sip status " + status + ": " + reasonOf(status, reason) + (detail.isEmpty() ? "" : " (" + detail + ")");
        return new TwirpException(code(status), msg, meta(status, reason));
    }

    /**
     * As {@link #of(int, String, String)}, with the carrier's own reason added to meta after
     * {@code sip_status_code} / {@code sip_status} (keys of ours; see {@code CarrierFailure#meta}).
     * The code stays LiveKit's for the status: a carrier's rate limit behind a 503 stays
     * {@code failed_precondition}, as LiveKit reports it, and is told apart by {@code meta.carrier_limit}.
     */
    public static TwirpException of(int status, String reason, String detail, Map<String, String> carrierMeta) {
        TwirpException base = of(status, reason, detail);
        Map<String, String> meta = new LinkedHashMap<>(base.meta());
        meta.putAll(carrierMeta);
        return new TwirpException(base.code(), base.msg(), meta);
    }

    /** {@code sip_status_code} and {@code sip_status}, in that order; a missing reason phrase reads {@code SIP <code>}. */
    public static Map<String, String> meta(int status, String reason) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("sip_status_code", Integer.toString(status));
        meta.put("sip_status", reasonOf(status, reason));
        return meta;
    }

    /** LiveKit's table; statuses it does not list fall back by class: 5xx failed_precondition, else invalid_argument. */
    public static TwirpErrorCode code(int status) {
        return switch (status) {
            case 301, 302, 404, 410, 481, 604 -> TwirpErrorCode.NOT_FOUND;
            case 401, 402, 403, 433, 470, 603, 607, 608 -> TwirpErrorCode.PERMISSION_DENIED;
            case 407, 428, 436, 437, 438, 494 -> TwirpErrorCode.UNAUTHENTICATED;
            case 408, 504 -> TwirpErrorCode.DEADLINE_EXCEEDED;
            case 409, 412, 482, 483, 500, 501, 502, 503 -> TwirpErrorCode.FAILED_PRECONDITION;
            case 416 -> TwirpErrorCode.OUT_OF_RANGE;
            case 440, 480, 486, 600 -> TwirpErrorCode.RESOURCE_EXHAUSTED;
            case 487, 491 -> TwirpErrorCode.ABORTED;
            // Listed by LiveKit as invalid_argument: 300, 305, 380, 400, 405, 406, 411, 413, 414, 415,
            // 417, 420, 421, 422, 423, 424, 425, 429, 430, 469, 484, 485, 488, 489, 493, 505, 513, 606.
            default -> status >= 500 && status < 600 ? TwirpErrorCode.FAILED_PRECONDITION : TwirpErrorCode.INVALID_ARGUMENT;
        };
    }

    private static String reasonOf(int status, String reason) {
        return reason == null || reason.isEmpty() ? "SIP " + status : reason;
    }
}
