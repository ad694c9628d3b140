package io.switchboard.protocol.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * Signs webhook bodies as LiveKit does: the {@code Authorization} header is an access token from
 * the API key, valid for 5 minutes, whose {@code sha256} claim is the standard (padded) Base64 of
 * the SHA-256 of the exact body bytes. Receivers (livekit-server-sdk {@code WebhookReceiver}, the
 * Java SDK's) verify the token, then compare the hash.
 */
public final class WebhookSigner {

    /** Go: {@code SetValidFor(5 * time.Minute)}. */
    public static final Duration VALIDITY = Duration.ofMinutes(5);

    private final TokenIssuer issuer;

    /** @param issuer holds the API key and secret the receiver knows, and the clock */
    public WebhookSigner(TokenIssuer issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** The {@code Authorization} header value for these exact body bytes. */
    public String authorization(byte[] body) {
        return issuer.issue(ClaimGrants.builder().sha256(sha256Base64(body)).build(), VALIDITY);
    }

    /** Renders and signs an event. */
    public SignedWebhook sign(WebhookEvent event) {
        byte[] body = WebhookEvents.toJson(event);
        return new SignedWebhook(body, WebhookEvents.CONTENT_TYPE, authorization(body));
    }

    static String sha256Base64(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
