package io.switchboard.protocol.twirp;

import java.util.Objects;

/**
 * One Twirp call as the HTTP layer received it. The HTTP method is checked by the caller
 * (Twirp is POST only).
 *
 * @param path          request path, e.g. {@code /twirp/livekit.SIP/CreateSIPInboundTrunk}; a query string is ignored
 * @param contentType   the {@code Content-Type} header, {@code null} if absent
 * @param authorization the {@code Authorization} header, {@code null} if absent
 * @param body          the request body bytes (not copied)
 */
public record TwirpRequest(String path, String contentType, String authorization, byte[] body) {

    public TwirpRequest {
        path = Objects.requireNonNullElse(path, "");
        body = Objects.requireNonNullElse(body, new byte[0]);
    }
}
