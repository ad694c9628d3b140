package io.switchboard.trunk.store;

import io.switchboard.trunk.model.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** A write was refused; {@link #violations()} names every problem and any conflicting id. */
public final class ConfigRejectedException extends RuntimeException {
    private final List<Violation> violations;

    public ConfigRejectedException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
