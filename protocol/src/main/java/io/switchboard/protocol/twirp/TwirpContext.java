package io.switchboard.protocol.twirp;

import java.util.Objects;

import io.switchboard.protocol.auth.ClaimGrants;

/**
 * What a Twirp method knows about its caller. The router has verified the token; the method
 * decides whether these grants allow the call and throws
 * {@link TwirpException#permissionDenied(String)} if not.
 *
 * @param service e.g. {@code livekit.SIP}
 * @param method  e.g. {@code CreateSIPInboundTrunk}
 * @param apiKey  the API key that signed the caller's token
 * @param grants  the caller's grants
 */
public record TwirpContext(String service, String method, String apiKey, ClaimGrants grants) {

    public TwirpContext {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(grants, "grants");
    }
}
