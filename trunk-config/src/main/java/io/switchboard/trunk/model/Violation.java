package io.switchboard.trunk.model;

/**
 * One reason a trunk or dispatch rule cannot be written, naming the offending field by its
 * snake_case protobuf name (e.g. {@code allowed_addresses[1]}, {@code rule.dispatch_rule_direct.room_name}).
 */
public sealed interface Violation {

    String field();

    String message();

    /** The value in {@code field} is malformed or missing. */
    record Invalid(String field, String message) implements Violation {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }

    /** The value would make calls ambiguous with the stored trunk or rule {@code conflictingId}. */
    record Conflict(String field, String conflictingId, String message) implements Violation {
        @Override
        public String toString() {
            return field + ": " + message;
        }
    }
}
