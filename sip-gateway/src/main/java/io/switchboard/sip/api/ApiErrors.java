package io.switchboard.sip.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.trunk.model.Violation;
import io.switchboard.trunk.store.ConfigRejectedException;

/**
 * The Twirp errors of the SIP service, shaped as LiveKit's: validation problems and conflicts are
 * {@code invalid_argument} (LiveKit's {@code ValidateTrunks} and dispatch-rule validator use that
 * code for conflicts too), unknown ids {@code not_found}.
 *
 * <p>Fields are named by their path in the request, e.g. {@code trunk.allowed_addresses[1]} for a
 * create, {@code replace.numbers} for a replace, plain {@code numbers} for the result of a partial
 * update. The message lists every problem as {@code field: reason}; meta {@code argument} names
 * the first field, as Twirp's InvalidArgumentError does, and {@code conflicting_id} the first
 * trunk or rule the request collides with.
 */
final class ApiErrors {

    private ApiErrors() {
    }

    /**
     * LiveKit's {@code EnsureSIPAdminPermission}: every trunk and rule method needs {@code sip.admin};
     * without it, {@code unauthenticated} (LiveKit's twirpAuthError), as the RoomService answers.
     */
    static void requireAdmin(TwirpContext context) {
        if (!context.grants().sip().admin()) {
            throw TwirpException.unauthenticated("permissions denied: " + context.service() + "/" + context.method()
                    + " requires a token with the sip.admin grant");
        }
    }

    static TwirpException rejected(String prefix, ConfigRejectedException e) {
        return invalid(prefix, e.violations());
    }

    static TwirpException invalid(String prefix, List<Violation> violations) {
        String msg = violations.stream().map(v -> prefix + v.field() + ": " + v.message())
                .collect(Collectors.joining("; "));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("argument", prefix + violations.getFirst().field());
        violations.stream().filter(v -> v instanceof Violation.Conflict).findFirst()
                .ifPresent(v -> meta.put("conflicting_id", ((Violation.Conflict) v).conflictingId()));
        return new TwirpException(TwirpErrorCode.INVALID_ARGUMENT, msg, meta);
    }

    static TwirpException invalidField(String field, String message) {
        return new TwirpException(TwirpErrorCode.INVALID_ARGUMENT, field + ": " + message, Map.of("argument", field));
    }

    static TwirpException required(String field) {
        return invalidField(field, "is required");
    }

    static TwirpException notFound(String what, String id) {
        return notFound(what, id, "");
    }

    /** @param hint appended in parentheses when not empty, e.g. {@code it is an outbound trunk} */
    static TwirpException notFound(String what, String id, String hint) {
        return TwirpException.notFound(what + " " + id + " does not exist" + (hint.isEmpty() ? "" : " (" + hint + ")"));
    }

    /** Runs a proto-to-model mapping, reporting a field it cannot map under {@code prefix}. */
    static <T> T mapping(String prefix, Supplier<T> mapper) {
        try {
            return mapper.get();
        } catch (InvalidFieldException e) {
            throw invalidField(prefix + e.field(), e.getMessage());
        }
    }
}
