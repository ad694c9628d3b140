package io.switchboard.protocol.webhook;

import java.util.Objects;

/**
 * A webhook ready to POST: send {@code body} as is, with {@code Content-Type: contentType} and
 * {@code Authorization: authorization} (a bare JWT, no "Bearer " prefix, as LiveKit sends it).
 */
public record SignedWebhook(byte[] body, String contentType, String authorization) {

    public SignedWebhook {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(authorization, "authorization");
    }
}
