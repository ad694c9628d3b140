package io.switchboard.sip.outbound;

import java.util.concurrent.CompletableFuture;

/**
 * A call placed and its participant in the room (LiveKit's SIPParticipantInfo), with how the
 * dialing turns out.
 *
 * @param sipCallId LiveKit's call id, {@code SCL_...} ({@code sip.callID})
 * @param sipCallIdFull the SIP Call-ID of our INVITE ({@code sip.callIDFull})
 * @param outcome completes with {@link DialOutcome.Answered} or {@link DialOutcome.Failed}
 */
public record PlacedCall(
    String participantId,
    String participantIdentity,
    String roomName,
    String sipCallId,
    String sipCallIdFull,
    CompletableFuture<DialOutcome> outcome) {}
