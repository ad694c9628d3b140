/**
 * Outbound calls (we are the UAC): {@link io.switchboard.sip.outbound.OutboundCall} places one
 * INVITE through a trunk and follows it to an answer or a failure; {@link
 * io.switchboard.sip.outbound.OutboundCalls} owns the live ones by Call-ID; {@link
 * io.switchboard.sip.outbound.OutboundCallService} puts the callee into a room as LiveKit's
 * {@code CreateSIPParticipant} does.
 */
package io.switchboard.sip.outbound;
