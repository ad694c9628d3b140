package io.switchboard.protocol.auth;

import java.util.Objects;

/**
 * An access token was refused. Every reason maps to Twirp {@code unauthenticated} / HTTP 401;
 * the reason tells logs and tests why.
 */
public final class TokenException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused. */
    public enum Reason {
        /** No token at all (no header, empty value). */
        MISSING,
        /** Not a JWT, unreadable claims, a claim of the wrong type, no {@code exp}. */
        MALFORMED,
        /** {@code iss} absent or not one of the configured API keys. */
        UNKNOWN_KEY,
        /** Signature does not match the key's secret, or the algorithm is not HS256. */
        BAD_SIGNATURE,
        /** {@code exp} is in the past, beyond the leeway. */
        EXPIRED,
        /** {@code nbf} or {@code iat} is in the future, beyond the leeway. */
        NOT_YET_VALID
    }

    private final Reason reason;

    public TokenException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public TokenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
