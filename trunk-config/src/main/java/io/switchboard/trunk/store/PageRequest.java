package io.switchboard.trunk.store;

import java.util.Objects;

/**
 * One page of a listing, as LiveKit's {@code Pagination}: items with ids after {@code afterId}
 * (empty: from the start), at most {@code limit} of them (0: all).
 */
public record PageRequest(String afterId, int limit) {
    public PageRequest {
        afterId = Objects.requireNonNullElse(afterId, "");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    public static PageRequest all() {
        return new PageRequest("", 0);
    }

    public static PageRequest first(int limit) {
        return new PageRequest("", limit);
    }
}
