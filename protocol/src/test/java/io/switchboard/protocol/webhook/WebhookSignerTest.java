package io.switchboard.protocol.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

import io.livekit.server.WebhookReceiver;
import io.switchboard.protocol.auth.TokenIssuer;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitWebhook.WebhookEvent;

/** Webhooks are signed so that LiveKit's receivers accept them. */
class WebhookSignerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static WebhookEvent participantJoined() {
        return WebhookEvent.newBuilder()
                .setEvent("participant_joined")
                .setId("EV_3yUfN6Ppmmcc")
                .setCreatedAt(NOW.getEpochSecond())
                .setRoom(Room.newBuilder().setSid("RM_kZgC4i3dMVgF").setName("support").setNumParticipants(2))
                .setParticipant(ParticipantInfo.newBuilder().setSid("PA_Qa8cYk7XqRFm").setIdentity("sip_+15105550100")
                        .setState(ParticipantInfo.State.ACTIVE).setKind(ParticipantInfo.Kind.SIP)
                        .putAttributes("sip.callID", "SCL_abc"))
                .build();
    }

    @Test
    void sha256ClaimIsStandardBase64OfTheBodyDigest() {
        // FIPS 180-2 test vector: SHA-256("abc") = ba7816bf...f20015ad
        assertEquals("ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
                WebhookSigner.sha256Base64("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void authorizationVerifiesWithJavaJwtAndCarriesTheBodyHash() throws Exception {
        SignedWebhook webhook = new WebhookSigner(new TokenIssuer("devkey", "secret", CLOCK)).sign(participantJoined());

        assertEquals("application/webhook+json", webhook.contentType());
        assertFalse(webhook.authorization().startsWith("Bearer"), "LiveKit sends the bare JWT");
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT
                .require(Algorithm.HMAC256("secret".getBytes(StandardCharsets.UTF_8))).withIssuer("devkey"))
                .build(CLOCK);
        DecodedJWT token = verifier.verify(webhook.authorization());
        assertEquals(NOW.plusSeconds(300), token.getExpiresAtAsInstant(), "valid for 5 minutes");
        assertEquals(NOW, token.getNotBeforeAsInstant());
        String recomputed = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(webhook.body()));
        assertEquals(recomputed, token.getClaim("sha256").asString());
        assertFalse(token.getClaims().containsKey("video"), "a webhook token grants nothing");
    }

    @Test
    void theLiveKitJavaSdkReceiverAcceptsIt() {
        // The SDK's receiver checks expiry against the wall clock and has no clock to inject, so
        // this token is minted at the real time; nothing here asserts on time.
        WebhookSigner signer = new WebhookSigner(new TokenIssuer("devkey", "secret", Clock.systemUTC()));
        SignedWebhook webhook = signer.sign(participantJoined());

        WebhookEvent received = new WebhookReceiver("devkey", "secret")
                .receive(new String(webhook.body(), StandardCharsets.UTF_8), webhook.authorization());

        assertEquals(participantJoined(), received);
    }

    @Test
    void theSdkReceiverRejectsAChangedBody() {
        WebhookSigner signer = new WebhookSigner(new TokenIssuer("devkey", "secret", Clock.systemUTC()));
        SignedWebhook webhook = signer.sign(participantJoined());
        String tampered = new String(webhook.body(), StandardCharsets.UTF_8).replace("support", "admin");

        assertThrows(IllegalArgumentException.class,
                () -> new WebhookReceiver("devkey", "secret").receive(tampered, webhook.authorization()));
    }
}
