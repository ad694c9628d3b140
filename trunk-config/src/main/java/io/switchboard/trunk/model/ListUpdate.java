package io.switchboard.trunk.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A change to a list field, as LiveKit's {@code ListUpdate}: replace it ({@code set}), edit it
 * ({@code remove} then {@code add}, skipping items already present), or empty it ({@code clear}).
 * Exactly one kind of change is allowed per update; see {@link #problem()}.
 */
public record ListUpdate(List<String> set, List<String> add, List<String> remove, boolean clear) {

    public ListUpdate {
        set = Values.list("set", set);
        add = Values.list("add", add);
        remove = Values.list("remove", remove);
    }

    public static ListUpdate setTo(List<String> values) {
        return new ListUpdate(values, List.of(), List.of(), false);
    }

    public static ListUpdate edit(List<String> add, List<String> remove) {
        return new ListUpdate(List.of(), add, remove, false);
    }

    public static ListUpdate clearing() {
        return new ListUpdate(List.of(), List.of(), List.of(), true);
    }

    /** Why this update cannot be applied, worded as LiveKit words it; empty when it is valid. */
    public Optional<String> problem() {
        boolean change = !set.isEmpty() || !add.isEmpty() || !remove.isEmpty();
        if (!clear && !change) {
            return Optional.of("unsupported list update operation: set, add, remove or clear is required");
        }
        if (clear && change) {
            return Optional.of("cannot clear and change the list at the same time");
        }
        if (!set.isEmpty() && (!add.isEmpty() || !remove.isEmpty())) {
            return Optional.of("cannot set and change the list at the same time");
        }
        if (set.contains("") || add.contains("") || remove.contains("")) {
            return Optional.of("empty element in the list");
        }
        return Optional.empty();
    }

    /**
     * The list after this update. {@code remove} deletes the first occurrence of each value;
     * {@code add} appends values not already present.
     *
     * @throws IllegalArgumentException if {@link #problem()} reports one
     */
    public List<String> apply(List<String> current) {
        problem().ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        if (clear) {
            return List.of();
        }
        if (!set.isEmpty()) {
            return set;
        }
        List<String> result = new ArrayList<>(current == null ? List.of() : current);
        for (String value : remove) {
            result.remove(value);
        }
        for (String value : add) {
            if (!result.contains(value)) {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }
}
