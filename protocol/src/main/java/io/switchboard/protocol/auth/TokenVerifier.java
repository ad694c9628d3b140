package io.switchboard.protocol.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.protocol.auth.TokenException.Reason;

/**
 * Verifies LiveKit access tokens as LiveKit's Go server does ({@code protocol/auth/verifier.go}):
 * HS256 only, the secret is the raw UTF-8 bytes of the API secret (any length: the dev secret
 * {@code secret} is 48 bits, which is why java-jwt is used), {@code iss} must be a configured API
 * key, {@code exp} is required, and {@code exp}/{@code nbf}/{@code iat} get 60 s of leeway.
 * Thread-safe.
 */
public final class TokenVerifier {

    /** Go verifier's {@code jwt.WithLeeway(time.Minute)}. */
    public static final long LEEWAY_SECONDS = 60;

    private static final String BEARER = "bearer ";

    private final Map<String, JWTVerifier> verifiersByKey;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param keys  API key to API secret
     * @param clock the time tokens are checked against
     */
    public TokenVerifier(Map<String, String> keys, Clock clock) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        Map<String, JWTVerifier> verifiers = new LinkedHashMap<>();
        keys.forEach((apiKey, secret) -> {
            if (apiKey == null || apiKey.isEmpty() || secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("API key and secret must not be empty (key: '" + apiKey + "')");
            }
            Algorithm hs256 = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
            JWTVerifier.BaseVerification verification = (JWTVerifier.BaseVerification) JWT.require(hs256)
                    .withIssuer(apiKey)
                    .withClaimPresence("exp")
                    .acceptLeeway(LEEWAY_SECONDS);
            verifiers.put(apiKey, verification.build(clock));
        });
        this.verifiersByKey = Map.copyOf(verifiers);
    }

    /**
     * Verifies the value of an {@code Authorization} header: {@code Bearer <jwt>} (scheme
     * case-insensitive, RFC 6750 section 2.1).
     */
    public VerifiedToken verifyAuthorization(String authorizationHeader) throws TokenException {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new TokenException(Reason.MISSING, "no Authorization header");
        }
        String header = authorizationHeader.strip();
        if (header.equalsIgnoreCase(BEARER.strip())) {
            throw new TokenException(Reason.MISSING, "Authorization header has no token after 'Bearer'");
        }
        if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new TokenException(Reason.MALFORMED, "Authorization header must be 'Bearer <token>'");
        }
        return verify(header.substring(BEARER.length()).strip());
    }

    /** Verifies a bare JWT, e.g. from the {@code access_token} query parameter. */
    public VerifiedToken verify(String token) throws TokenException {
        if (token == null || token.isBlank()) {
            throw new TokenException(Reason.MISSING, "no access token");
        }
        DecodedJWT decoded = decode(token.strip());
        if (!"HS256".equals(decoded.getAlgorithm())) {
            throw new TokenException(Reason.BAD_SIGNATURE,
                    "token algorithm '" + decoded.getAlgorithm() + "' is not accepted, only HS256");
        }
        String apiKey = decoded.getIssuer();
        if (apiKey == null || apiKey.isEmpty()) {
            throw new TokenException(Reason.UNKNOWN_KEY, "token has no issuer (iss): it must name the API key");
        }
        JWTVerifier verifier = verifiersByKey.get(apiKey);
        if (verifier == null) {
            throw new TokenException(Reason.UNKNOWN_KEY, "unknown API key '" + apiKey + "'");
        }
        check(verifier, decoded);
        return new VerifiedToken(apiKey, ClaimsReader.read(payload(decoded)));
    }

    private static DecodedJWT decode(String token) throws TokenException {
        try {
            return JWT.decode(token);
        } catch (JWTDecodeException e) {
            throw new TokenException(Reason.MALFORMED, "not a valid JWT: " + e.getMessage(), e);
        }
    }

    private static void check(JWTVerifier verifier, DecodedJWT decoded) throws TokenException {
        try {
            verifier.verify(decoded);
        } catch (SignatureVerificationException | AlgorithmMismatchException e) {
            throw new TokenException(Reason.BAD_SIGNATURE, "token signature does not match the API secret", e);
        } catch (TokenExpiredException e) {
            throw new TokenException(Reason.EXPIRED, "token expired at " + e.getExpiredOn(), e);
        } catch (MissingClaimException e) {
            throw new TokenException(Reason.MALFORMED, "token has no " + e.getClaimName() + " claim", e);
        } catch (IncorrectClaimException e) {
            throw incorrectClaim(e);
        } catch (JWTVerificationException e) {
            throw new TokenException(Reason.MALFORMED, "token rejected: " + e.getMessage(), e);
        }
    }

    private static TokenException incorrectClaim(IncorrectClaimException e) {
        return switch (e.getClaimName()) {
            case "nbf", "iat" -> new TokenException(Reason.NOT_YET_VALID,
                    "token is not valid yet (" + e.getClaimName() + " is in the future)", e);
            case "exp" -> new TokenException(Reason.EXPIRED, "token expired", e);
            case "iss" -> new TokenException(Reason.UNKNOWN_KEY, "token issuer does not match its API key", e);
            default -> new TokenException(Reason.MALFORMED, "token claim " + e.getClaimName() + " is invalid: " + e.getMessage(), e);
        };
    }

    private JsonNode payload(DecodedJWT decoded) throws TokenException {
        try {
            return json.readTree(Base64.getUrlDecoder().decode(decoded.getPayload()));
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenException(Reason.MALFORMED, "token payload is not JSON: " + e.getMessage(), e);
        }
    }
}
