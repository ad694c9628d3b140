package io.switchboard.protocol.twirp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Twirp error: thrown by methods, rendered by {@link TwirpRouter} as
 * {@code {"code":..,"msg":..,"meta":{..}}}. Unchecked so method lambdas can throw it.
 */
public final class TwirpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final TwirpErrorCode code;
    private final transient Map<String, String> meta;

    public TwirpException(TwirpErrorCode code, String msg, Map<String, String> meta) {
        this(code, msg, meta, null);
    }

    public TwirpException(TwirpErrorCode code, String msg, Map<String, String> meta, Throwable cause) {
        super(Objects.requireNonNullElse(msg, ""), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.meta = Map.copyOf(Objects.requireNonNullElse(meta, Map.of()));
    }

    public TwirpErrorCode code() {
        return code;
    }

    /** The human-readable message, Twirp's {@code msg}. */
    public String msg() {
        return getMessage();
    }

    public Map<String, String> meta() {
        return meta;
    }

    /** A copy with one more meta entry. */
    public TwirpException withMeta(String key, String value) {
        Map<String, String> extended = new LinkedHashMap<>(meta);
        extended.put(key, value);
        return new TwirpException(code, msg(), extended, getCause());
    }

    public static TwirpException of(TwirpErrorCode code, String msg) {
        return new TwirpException(code, msg, Map.of());
    }

    /** Twirp's InvalidArgumentError: the message starts with the field name, meta {@code argument} names it. */
    public static TwirpException invalidArgument(String field, String msg) {
        return new TwirpException(TwirpErrorCode.INVALID_ARGUMENT, field + " " + msg, Map.of("argument", field));
    }

    /** Twirp's RequiredArgumentError: {@code "<field> is required"}. */
    public static TwirpException requiredArgument(String field) {
        return invalidArgument(field, "is required");
    }

    public static TwirpException malformed(String msg) {
        return of(TwirpErrorCode.MALFORMED, msg);
    }

    /** No such route; meta {@code twirp_invalid_route} is {@code "<METHOD> <path>"} as Twirp writes it. */
    public static TwirpException badRoute(String msg, String httpMethod, String path) {
        return new TwirpException(TwirpErrorCode.BAD_ROUTE, msg, Map.of("twirp_invalid_route", httpMethod + " " + path));
    }

    public static TwirpException unauthenticated(String msg) {
        return of(TwirpErrorCode.UNAUTHENTICATED, msg);
    }

    public static TwirpException permissionDenied(String msg) {
        return of(TwirpErrorCode.PERMISSION_DENIED, msg);
    }

    public static TwirpException notFound(String msg) {
        return of(TwirpErrorCode.NOT_FOUND, msg);
    }

    public static TwirpException alreadyExists(String msg) {
        return of(TwirpErrorCode.ALREADY_EXISTS, msg);
    }

    public static TwirpException failedPrecondition(String msg) {
        return of(TwirpErrorCode.FAILED_PRECONDITION, msg);
    }

    public static TwirpException resourceExhausted(String msg) {
        return of(TwirpErrorCode.RESOURCE_EXHAUSTED, msg);
    }

    public static TwirpException unimplemented(String msg) {
        return of(TwirpErrorCode.UNIMPLEMENTED, msg);
    }

    public static TwirpException unavailable(String msg) {
        return of(TwirpErrorCode.UNAVAILABLE, msg);
    }

    public static TwirpException deadlineExceeded(String msg) {
        return of(TwirpErrorCode.DEADLINE_EXCEEDED, msg);
    }

    public static TwirpException internal(String msg, Throwable cause) {
        return new TwirpException(TwirpErrorCode.INTERNAL, msg, Map.of(), cause);
    }
}
