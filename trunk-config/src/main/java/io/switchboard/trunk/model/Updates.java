package io.switchboard.trunk.model;

import java.util.List;
import java.util.stream.Collectors;

/** Shared checks of the partial-update records. */
final class Updates {
    private Updates() {
    }

    static void check(List<Violation> out, String field, ListUpdate update) {
        if (update != null) {
            update.problem().ifPresent(p -> out.add(new Violation.Invalid(field, p)));
        }
    }

    static void requireNoProblems(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    problems.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        }
    }
}
