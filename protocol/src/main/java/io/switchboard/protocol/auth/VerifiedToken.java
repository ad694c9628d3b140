package io.switchboard.protocol.auth;

import java.util.Objects;

/**
 * A token whose signature, issuer and validity window were checked.
 *
 * @param apiKey the API key that signed it (its {@code iss})
 * @param grants what it grants
 */
public record VerifiedToken(String apiKey, ClaimGrants grants) {

    public VerifiedToken {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(grants, "grants");
    }
}
