package io.switchboard.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import livekit.LivekitAgentDispatch.RoomAgentDispatch;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitRoom.RoomConfiguration;

/** Tokens we mint carry LiveKit's claim names and verify with plain java-jwt and with our verifier. */
class TokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final TokenIssuer issuer = new TokenIssuer("devkey", "secret", CLOCK);

    private static ClaimGrants sipCaller() {
        return ClaimGrants.builder()
                .identity("sip_+15105550100")
                .name("Phone +15105550100")
                .kind(ParticipantInfo.Kind.SIP)
                .metadata("m")
                .attributes(Map.of("sip.callID", "SCL_abc", "sip.trunkPhoneNumber", "+15105550199"))
                .video(VideoGrant.builder().roomJoin(true).room("support").canPublish(false)
                        .canPublishData(true).canPublishSources(List.of("microphone"))
                        .canUpdateOwnMetadata(true).build())
                .sip(new SipGrant(true, false))
                .roomConfig(RoomConfiguration.newBuilder().setEmptyTimeout(60)
                        .addAgents(RoomAgentDispatch.newBuilder().setAgentName("receptionist")).build())
                .build();
    }

    @Test
    void verifiesWithJavaJwtDirectly() {
        String token = issuer.issue(sipCaller(), Duration.ofHours(6));

        DecodedJWT decoded = ((com.auth0.jwt.JWTVerifier.BaseVerification) JWT
                .require(Algorithm.HMAC256("secret".getBytes(StandardCharsets.UTF_8)))
                .withIssuer("devkey"))
                .build(CLOCK)
                .verify(token);

        assertEquals("HS256", decoded.getAlgorithm());
        assertEquals("JWT", decoded.getType());
        assertEquals("sip_+15105550100", decoded.getSubject());
        assertEquals(NOW, decoded.getNotBeforeAsInstant());
        assertEquals(NOW, decoded.getIssuedAtAsInstant());
        assertEquals(NOW.plus(Duration.ofHours(6)), decoded.getExpiresAtAsInstant());
    }

    @Test
    void writesLiveKitClaimNames() throws Exception {
        JsonNode payload = payload(issuer.issue(sipCaller(), Duration.ofMinutes(10)));

        assertEquals("devkey", payload.get("iss").textValue());
        assertEquals("Phone +15105550100", payload.get("name").textValue());
        assertEquals("sip", payload.get("kind").textValue());
        assertEquals("m", payload.get("metadata").textValue());
        assertEquals("SCL_abc", payload.get("attributes").get("sip.callID").textValue());
        JsonNode video = payload.get("video");
        assertTrue(video.get("roomJoin").booleanValue());
        assertEquals("support", video.get("room").textValue());
        assertFalse(video.get("canPublish").booleanValue(), "canPublish:false must be explicit");
        assertTrue(video.get("canPublishData").booleanValue());
        assertEquals("microphone", video.get("canPublishSources").get(0).textValue());
        assertTrue(video.get("canUpdateOwnMetadata").booleanValue());
        assertFalse(video.has("canSubscribe"), "a default is left out, as LiveKit does");
        assertFalse(video.has("roomAdmin"));
        assertTrue(payload.get("sip").get("admin").booleanValue());
        assertFalse(payload.get("sip").has("call"));
        assertEquals(60, payload.get("roomConfig").get("emptyTimeout").intValue());
        assertEquals("receptionist", payload.get("roomConfig").get("agents").get(0).get("agentName").textValue());
        assertFalse(payload.has("sha256"));
    }

    @Test
    void roundTripsThroughOurVerifier() throws TokenException {
        ClaimGrants issued = sipCaller();
        TokenVerifier verifier = new TokenVerifier(Map.of("devkey", "secret"), CLOCK);

        ClaimGrants verified = verifier.verify(issuer.issue(issued, Duration.ofMinutes(10))).grants();

        assertEquals(issued.toBuilder().build(), verified.toBuilder().build(), "grants survive the round trip");
        assertEquals(ParticipantInfo.Kind.SIP, verified.participantKind());
        assertEquals(Optional.of(NOW.plusSeconds(600)), verified.expiresAt());
        assertEquals(Optional.of(NOW), verified.issuedAt());
    }

    @Test
    void defaultGrantsWriteNoVideoOrSipClaim() throws Exception {
        JsonNode payload = payload(issuer.issue(ClaimGrants.builder().identity("x").build(), Duration.ofMinutes(1)));
        assertFalse(payload.has("video"));
        assertFalse(payload.has("sip"));
        assertFalse(payload.has("roomConfig"));
    }

    @Test
    void refusesAJoinTokenWithoutIdentityAndANonPositiveTtl() {
        ClaimGrants anonymousJoin = ClaimGrants.builder()
                .video(VideoGrant.builder().roomJoin(true).room("r").build()).build();
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(anonymousJoin, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(sipCaller(), Duration.ZERO));
    }

    @Test
    void unknownKindReadsAsStandard() {
        assertEquals(ParticipantInfo.Kind.STANDARD, ClaimGrants.builder().kind("martian").build().participantKind());
        assertEquals(ParticipantInfo.Kind.AGENT, ClaimGrants.builder().kind("agent").build().participantKind());
        assertEquals(ParticipantInfo.Kind.STANDARD, ClaimGrants.builder().build().participantKind());
    }

    static JsonNode payload(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
