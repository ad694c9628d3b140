package io.switchboard.trunk.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Normalisation shared by the model records: never null, always immutable. */
final class Values {
    private Values() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static List<String> list(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(values.size());
        for (String v : values) {
            copy.add(Objects.requireNonNull(v, () -> field + " must not contain null"));
        }
        return Collections.unmodifiableList(copy);
    }

    static <T> List<T> elements(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        for (T v : values) {
            Objects.requireNonNull(v, () -> field + " must not contain null");
        }
        return List.copyOf(values);
    }

    /** Sorted by key, so equal maps serialise identically. */
    static Map<String, String> map(String field, Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        values.forEach((k, v) -> {
            Objects.requireNonNull(k, () -> field + " must not contain a null key");
            Objects.requireNonNull(v, () -> field + " must not contain a null value (key " + k + ")");
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Zero means "use the default", as a zero protobuf Duration does. */
    static Duration duration(Duration value) {
        return value == null || value.isZero() ? null : value;
    }
}
