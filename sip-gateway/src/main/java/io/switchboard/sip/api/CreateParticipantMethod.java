package io.switchboard.sip.api;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sip.outbound.DialOutcome;
import io.switchboard.sip.outbound.DtmfScript;
import io.switchboard.sip.outbound.OutboundCallService;
import io.switchboard.sip.outbound.OutboundCallSpec;
import io.switchboard.sip.outbound.OutboundEnd;
import io.switchboard.sip.outbound.OutboundSetupException;
import io.switchboard.sip.outbound.PlacedCall;
import livekit.LivekitSip.CreateSIPParticipantRequest;
import livekit.LivekitSip.SIPParticipantInfo;

/**
 * {@code CreateSIPParticipant}: needs the {@code sip.call} grant. Without {@code
 * wait_until_answered} it answers once the callee is in the room ({@code sip.callStatus} dialing)
 * and dialing goes on; with it, it answers at the 2xx once the request's DTMF is sent (as
 * LiveKit's), or fails with the SIP status in {@code meta} (busy, declined, no answer,
 * unreachable). The request thread blocks while it waits (the HTTP server runs each request on
 * its own virtual thread).
 */
final class CreateParticipantMethod {

    /** Beyond the ringing timeout: a CANCEL's 487 may take up to 64*T1 (RFC 3261 §9.1). */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(40);

    private final ParticipantRequestMapper mapper;
    private final OutboundCallService calls;

    CreateParticipantMethod(ParticipantRequestMapper mapper, OutboundCallService calls) {
        this.mapper = mapper;
        this.calls = calls;
    }

    /** LiveKit's {@code EnsureSIPCallPermission}. */
    static void requireCall(TwirpContext context) {
        if (!context.grants().sip().call()) {
            throw TwirpException.unauthenticated("permissions denied: " + context.service() + "/" + context.method()
                    + " requires a token with the sip.call grant");
        }
    }

    SIPParticipantInfo create(CreateSIPParticipantRequest request) {
        OutboundCallSpec spec = mapper.toSpec(request);
        PlacedCall placed;
        try {
            placed = calls.place(spec);
        } catch (OutboundSetupException e) {
            throw switch (e.kind()) {
                case ROOM_FULL -> TwirpException.resourceExhausted(e.getMessage());
                case UNAVAILABLE -> TwirpException.unavailable(e.getMessage());
            };
        }
        if (request.getWaitUntilAnswered()) {
            // As LiveKit's, the answer counts once the request's DTMF is out (sip.callStatus active).
            awaitAnswer(placed, spec.dial().ringingTimeout().plus(WAIT_MARGIN)
                    .plus(DtmfScript.parse(spec.dtmf()).duration()));
        }
        return SIPParticipantInfo.newBuilder()
                .setParticipantId(placed.participantId())
                .setParticipantIdentity(placed.participantIdentity())
                .setRoomName(placed.roomName())
                .setSipCallId(placed.sipCallId())
                .build();
    }

    private static void awaitAnswer(PlacedCall placed, Duration bound) {
        DialOutcome outcome;
        try {
            outcome = placed.outcome().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TwirpException.of(TwirpErrorCode.CANCELED, "interrupted while waiting for the answer");
        } catch (ExecutionException | TimeoutException e) {
            throw TwirpException.deadlineExceeded("no outcome for call " + placed.sipCallId() + " within " + bound);
        }
        switch (outcome) {
            case DialOutcome.Answered answered -> { }
            case DialOutcome.Failed failed -> throw failure(failed.end());
        }
    }

    static TwirpException failure(OutboundEnd end) {
        return switch (end.reason()) {
            case REJECTED -> SipStatusErrors.of(end.sipStatus(), end.sipReason(), end.carrier().describe(),
                    end.carrier().meta());
            case NO_ANSWER -> SipStatusErrors.of(end.sipStatus(), end.sipReason(), "no answer within the ringing timeout");
            case UNREACHABLE -> SipStatusErrors.of(end.sipStatus(), end.sipReason(), "the trunk did not respond");
            case CANCELLED -> SipStatusErrors.of(487, "Request Terminated",
                    "the participant was removed from the room while ringing");
            case MEDIA_NEGOTIATION -> SipStatusErrors.of(488, "Not Acceptable Here", "the answer's SDP matched no codec we offered");
            case SERVER_STOPPED -> TwirpException.unavailable("the server is shutting down");
            case REMOTE_HANGUP, LOCAL_HANGUP, TRANSFERRED, MAX_DURATION ->
                    TwirpException.internal("call ended before it was answered: " + end.reason(), null);
        };
    }
}
