package io.switchboard.trunk.store;

import io.switchboard.trunk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/** Store-level checks on ids, shared by the create and update paths. */
final class WriteChecks {
    private WriteChecks() {
    }

    static <T> T existing(T value, String what, String id) {
        if (value == null) {
            throw new ConfigNotFoundException(what, id);
        }
        return value;
    }

    /** A draft must not bring its own id: the store assigns them. */
    static List<Violation> idMustBeEmpty(String field, String id) {
        List<Violation> out = new ArrayList<>();
        if (!id.isEmpty()) {
            out.add(new Violation.Invalid(field, "must be empty when creating; the store assigns ids (got " + id + ")"));
        }
        return out;
    }

    /** An update may leave the id empty or unchanged, never change it. */
    static List<Violation> idMustStay(String field, String id, String changedId) {
        List<Violation> out = new ArrayList<>();
        if (!changedId.isEmpty() && !changedId.equals(id)) {
            out.add(new Violation.Invalid(field, "cannot change the id of " + id + " to " + changedId));
        }
        return out;
    }

    static void rejectIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigRejectedException(problems);
        }
    }
}
