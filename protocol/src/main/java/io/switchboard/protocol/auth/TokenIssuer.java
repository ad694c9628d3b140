package io.switchboard.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mints access tokens the way LiveKit does: HS256 over the API secret's UTF-8 bytes,
 * {@code iss} = API key, {@code sub} = identity, {@code nbf} = {@code iat} = now,
 * {@code exp} = now + ttl, and LiveKit's claim names ({@code video}, {@code sip}, {@code name},
 * {@code kind}, {@code metadata}, {@code attributes}, {@code roomConfig}, {@code sha256}).
 * Used for webhooks, tests and the server's own joins (agents, SIP participants).
 */
public final class TokenIssuer {

    private final String apiKey;
    private final Algorithm algorithm;
    private final Clock clock;
    private final ClaimsWriter claimsWriter;

    public TokenIssuer(String apiKey, String secret, Clock clock) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("API key must not be empty");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("API secret for key " + apiKey + " must not be empty");
        }
        this.apiKey = apiKey;
        this.algorithm = Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.claimsWriter = new ClaimsWriter(new ObjectMapper());
    }

    public String apiKey() {
        return apiKey;
    }

    /**
     * Signs {@code grants}, valid from now for {@code ttl}. The timestamps inside {@code grants}
     * are ignored: a token's window always starts when it is minted.
     *
     * @throws IllegalArgumentException if {@code ttl} is not positive, or the grants let someone
     *                                  join a room without an identity (LiveKit refuses those too)
     */
    public String issue(ClaimGrants grants, Duration ttl) {
        Objects.requireNonNull(grants, "grants");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token ttl must be positive, got " + ttl);
        }
        if (grants.video().roomJoin() && grants.identity().isEmpty()) {
            throw new IllegalArgumentException("identity is required for a token that grants roomJoin");
        }
        Instant now = clock.instant();
        JWTCreator.Builder jwt = JWT.create()
                .withPayload(claimsWriter.claims(grants))
                .withIssuer(apiKey)
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plus(ttl));
        if (!grants.identity().isEmpty()) {
            jwt.withSubject(grants.identity());
        }
        return jwt.sign(algorithm);
    }
}
