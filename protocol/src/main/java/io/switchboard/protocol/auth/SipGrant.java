package io.switchboard.protocol.auth;

/**
 * The {@code sip} claim of a LiveKit access token.
 *
 * @param admin manage SIP trunks and dispatch rules (the Twirp {@code livekit.SIP} admin methods)
 * @param call  place outbound calls ({@code CreateSIPParticipant}) and transfer them
 */
public record SipGrant(boolean admin, boolean call) {

    /** No SIP rights: what a token without a {@code sip} claim grants. */
    public static final SipGrant NONE = new SipGrant(false, false);
}
