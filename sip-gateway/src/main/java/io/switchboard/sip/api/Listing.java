package io.switchboard.sip.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import io.switchboard.trunk.match.PhoneNumbers;
import io.switchboard.trunk.store.PageRequest;
import livekit.LivekitModels.Pagination;

/**
 * The filters and paging of the List methods, as {@code livekit_sip.proto} documents them:
 * items are in id order, {@code page.after_id} starts after that id and a positive
 * {@code page.limit} caps the count after filtering. Listing by ids answers in the order asked,
 * with an empty placeholder where an id does not exist (the proto's "nil item"); the page does
 * not apply then.
 */
final class Listing {

    private Listing() {
    }

    /** What the store should read for {@code page}: everything after its id, unlimited (filters come first). */
    static PageRequest storeRange(Pagination page) {
        return new PageRequest(page.getAfterId(), 0);
    }

    /** The first {@code page.limit} items passing {@code filter} (all of them for a non-positive limit). */
    static <T> List<T> page(List<T> items, Predicate<T> filter, Pagination page) {
        int limit = page.getLimit() > 0 ? page.getLimit() : Integer.MAX_VALUE;
        List<T> out = new ArrayList<>();
        for (T item : items) {
            if (out.size() == limit) {
                break;
            }
            if (filter.test(item)) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * One entry per requested id, in request order: empty for an unknown id, left out when the
     * item exists but fails {@code filter} (as LiveKit's {@code FilterSlice}).
     */
    static <T> List<Optional<T>> byIds(List<String> ids, Function<String, Optional<T>> lookup, Predicate<T> filter) {
        List<Optional<T>> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Optional<T> item = lookup.apply(id);
            if (item.isEmpty() || filter.test(item.get())) {
                out.add(item);
            }
        }
        return out;
    }

    /**
     * True when no numbers are asked for, the trunk serves every number (no numbers of its own),
     * or it serves one of them. Numbers compare normalised, so {@code +1 510 555 0100} finds
     * {@code +15105550100}.
     */
    static boolean servesAnyOf(List<String> trunkNumbers, List<String> wanted) {
        if (wanted.isEmpty() || trunkNumbers.isEmpty()) {
            return true;
        }
        for (String number : trunkNumbers) {
            if (PhoneNumbers.allowedBy(number, wanted)) {
                return true;
            }
        }
        return false;
    }

    /** True when no trunks are asked for, the rule applies to every trunk, or to one of them. */
    static boolean appliesToAnyOf(List<String> ruleTrunkIds, List<String> wanted) {
        if (wanted.isEmpty() || ruleTrunkIds.isEmpty()) {
            return true;
        }
        return ruleTrunkIds.stream().anyMatch(wanted::contains);
    }
}
