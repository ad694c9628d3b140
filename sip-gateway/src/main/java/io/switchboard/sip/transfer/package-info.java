/**
 * Cold transfers of room participants that are SIP calls: LiveKit's Twirp
 * {@code livekit.SIP/TransferSIPParticipant} ({@link io.switchboard.sip.transfer.TransferApi}) and
 * the in-process entry point agents use ({@link io.switchboard.sip.transfer.ParticipantTransfers}).
 */
package io.switchboard.sip.transfer;
