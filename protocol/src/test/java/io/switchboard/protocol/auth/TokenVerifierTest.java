package io.switchboard.protocol.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;

import io.switchboard.protocol.auth.TokenException.Reason;

/** Every way a token can be refused, with the reason callers map to Twirp {@code unauthenticated}. */
class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Algorithm DEV_SECRET = Algorithm.HMAC256("secret".getBytes(StandardCharsets.UTF_8));

    private final TokenVerifier verifier = new TokenVerifier(
            Map.of("devkey", "secret", "prodkey", "a-much-longer-production-secret-0123456789"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static TokenException refused(TokenVerifier verifier, String token) {
        return assertThrows(TokenException.class, () -> verifier.verify(token));
    }

    private static JWTCreator.Builder valid() {
        return JWT.create().withIssuer("devkey").withSubject("alice")
                .withNotBefore(NOW.minusSeconds(5)).withExpiresAt(NOW.plusSeconds(600))
                .withClaim("video", Map.of("roomJoin", true, "room", "r1"));
    }

    @Test
    void validTokenSignedWithTheShortDevSecretVerifies() throws TokenException {
        VerifiedToken verified = verifier.verify(valid().sign(DEV_SECRET));
        assertEquals("devkey", verified.apiKey());
        assertEquals("alice", verified.grants().identity());
        assertEquals("r1", verified.grants().video().room());
    }

    @Test
    void eachKeyUsesItsOwnSecret() throws TokenException {
        Algorithm prod = Algorithm.HMAC256("a-much-longer-production-secret-0123456789");
        assertEquals("prodkey", verifier.verify(valid().withIssuer("prodkey").sign(prod)).apiKey());
        assertEquals(Reason.BAD_SIGNATURE, refused(verifier, valid().withIssuer("prodkey").sign(DEV_SECRET)).reason());
    }

    @Test
    void missingTokenOrHeader() {
        assertEquals(Reason.MISSING, refused(verifier, "").reason());
        assertEquals(Reason.MISSING, refused(verifier, null).reason());
        assertEquals(Reason.MISSING,
                assertThrows(TokenException.class, () -> verifier.verifyAuthorization(null)).reason());
        assertEquals(Reason.MISSING,
                assertThrows(TokenException.class, () -> verifier.verifyAuthorization("Bearer ")).reason());
    }

    @Test
    void authorizationHeaderNeedsTheBearerScheme() throws TokenException {
        String token = valid().sign(DEV_SECRET);
        assertEquals("alice", verifier.verifyAuthorization("Bearer " + token).grants().identity());
        assertEquals("alice", verifier.verifyAuthorization("bearer " + token).grants().identity());
        TokenException basic = assertThrows(TokenException.class,
                () -> verifier.verifyAuthorization("Basic ZGV2a2V5OnNlY3JldA=="));
        assertEquals(Reason.MALFORMED, basic.reason());
        assertTrue(basic.getMessage().contains("Bearer"), basic.getMessage());
    }

    @Test
    void garbageIsMalformed() {
        assertEquals(Reason.MALFORMED, refused(verifier, "not-a-jwt").reason());
        assertEquals(Reason.MALFORMED, refused(verifier, "a.b.c").reason());
    }

    @Test
    void wrongSecretIsABadSignature() {
        String token = valid().sign(Algorithm.HMAC256("secreT"));
        assertEquals(Reason.BAD_SIGNATURE, refused(verifier, token).reason());
    }

    @Test
    void tamperedPayloadIsABadSignature() {
        String[] parts = valid().sign(DEV_SECRET).split("\\.");
        String admin = base64Url("{\"iss\":\"devkey\",\"sub\":\"alice\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond()
                + ",\"video\":{\"roomAdmin\":true}}");
        assertEquals(Reason.BAD_SIGNATURE, refused(verifier, parts[0] + "." + admin + "." + parts[2]).reason());
    }

    @Test
    void unknownOrMissingIssuer() {
        TokenException unknown = refused(verifier, valid().withIssuer("otherkey").sign(DEV_SECRET));
        assertEquals(Reason.UNKNOWN_KEY, unknown.reason());
        assertTrue(unknown.getMessage().contains("otherkey"), unknown.getMessage());

        String noIssuer = JWT.create().withSubject("alice").withExpiresAt(NOW.plusSeconds(60)).sign(DEV_SECRET);
        assertEquals(Reason.UNKNOWN_KEY, refused(verifier, noIssuer).reason());
    }

    @Test
    void algNoneIsRefused() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"devkey\",\"sub\":\"alice\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}");
        assertEquals(Reason.BAD_SIGNATURE, refused(verifier, header + "." + payload + ".").reason());
        assertEquals(Reason.BAD_SIGNATURE, refused(verifier, valid().sign(Algorithm.none())).reason());
    }

    @Test
    void rs256IsRefusedEvenWithAValidRsaSignature() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var pair = generator.generateKeyPair();
        Algorithm rs256 = Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        TokenException refused = refused(verifier, valid().sign(rs256));
        assertEquals(Reason.BAD_SIGNATURE, refused.reason());
        assertTrue(refused.getMessage().contains("RS256"), refused.getMessage());
    }

    @Test
    void hs512IsRefused() {
        String token = valid().sign(Algorithm.HMAC512("secret"));
        assertEquals(Reason.BAD_SIGNATURE, refused(verifier, token).reason());
    }

    @Test
    void expiryHasSixtySecondsOfLeeway() throws TokenException {
        verifier.verify(valid().withExpiresAt(NOW.minusSeconds(59)).sign(DEV_SECRET));
        TokenException expired = refused(verifier, valid().withExpiresAt(NOW.minusSeconds(61)).sign(DEV_SECRET));
        assertEquals(Reason.EXPIRED, expired.reason());
    }

    @Test
    void notBeforeHasSixtySecondsOfLeeway() throws TokenException {
        verifier.verify(valid().withNotBefore(NOW.plusSeconds(59)).sign(DEV_SECRET));
        assertEquals(Reason.NOT_YET_VALID,
                refused(verifier, valid().withNotBefore(NOW.plusSeconds(61)).sign(DEV_SECRET)).reason());
        assertEquals(Reason.NOT_YET_VALID,
                refused(verifier, valid().withIssuedAt(NOW.plusSeconds(3600)).sign(DEV_SECRET)).reason());
    }

    @Test
    void expIsRequired() {
        String noExp = JWT.create().withIssuer("devkey").withSubject("alice").sign(DEV_SECRET);
        TokenException refused = refused(verifier, noExp);
        assertEquals(Reason.MALFORMED, refused.reason());
        assertTrue(refused.getMessage().contains("exp"), refused.getMessage());
    }

    @Test
    void identityFallsBackToJti() throws TokenException {
        String token = JWT.create().withIssuer("devkey").withJWTId("from-jti")
                .withExpiresAt(NOW.plusSeconds(60)).sign(DEV_SECRET);
        assertEquals("from-jti", verifier.verify(token).grants().identity());
    }

    @Test
    void claimOfTheWrongTypeIsMalformedAndNamed() {
        TokenException wrongBool = refused(verifier,
                valid().withClaim("video", Map.of("canPublish", "yes")).sign(DEV_SECRET));
        assertEquals(Reason.MALFORMED, wrongBool.reason());
        assertTrue(wrongBool.getMessage().contains("video.canPublish"), wrongBool.getMessage());

        TokenException wrongAttributes = refused(verifier,
                valid().withClaim("attributes", Map.of("n", 1)).sign(DEV_SECRET));
        assertTrue(wrongAttributes.getMessage().contains("attributes.n"), wrongAttributes.getMessage());
    }

    @Test
    void brokenRoomConfigIsMalformed() {
        TokenException refused = refused(verifier,
                valid().withClaim("roomConfig", Map.of("emptyTimeout", "soon")).sign(DEV_SECRET));
        assertEquals(Reason.MALFORMED, refused.reason());
        assertTrue(refused.getMessage().contains("roomConfig"), refused.getMessage());
    }

    @Test
    void unknownRoomConfigMembersFromNewerSdksAreIgnored() throws TokenException {
        String token = valid().withClaim("roomConfig", Map.of("name", "r1", "someFutureField", 3)).sign(DEV_SECRET);
        assertEquals("r1", verifier.verify(token).grants().roomConfig().orElseThrow().getName());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
