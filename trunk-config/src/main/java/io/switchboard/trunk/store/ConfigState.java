package io.switchboard.trunk.store;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.OutboundTrunk;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/** The current configuration in memory, keyed (and so listed) by id. Not thread-safe: the store locks. */
final class ConfigState {
    final NavigableMap<String, InboundTrunk> inbound = new TreeMap<>();
    final NavigableMap<String, OutboundTrunk> outbound = new TreeMap<>();
    final NavigableMap<String, DispatchRule> rules = new TreeMap<>();

    void apply(JournalEntry entry) {
        switch (entry) {
            case JournalEntry.PutInbound(var t) -> inbound.put(t.id(), t);
            case JournalEntry.PutOutbound(var t) -> outbound.put(t.id(), t);
            case JournalEntry.PutRule(var r) -> rules.put(r.id(), r);
            case JournalEntry.Delete(var kind, var id) -> {
                switch (kind) {
                    case INBOUND_TRUNK -> inbound.remove(id);
                    case OUTBOUND_TRUNK -> outbound.remove(id);
                    case DISPATCH_RULE -> rules.remove(id);
                }
            }
        }
    }

    boolean trunkIdTaken(String id) {
        return inbound.containsKey(id) || outbound.containsKey(id);
    }

    int size() {
        return inbound.size() + outbound.size() + rules.size();
    }

    /** Puts that rebuild this state from nothing, for compaction. */
    List<JournalEntry> asEntries() {
        List<JournalEntry> out = new ArrayList<>(size());
        inbound.values().forEach(t -> out.add(new JournalEntry.PutInbound(t)));
        outbound.values().forEach(t -> out.add(new JournalEntry.PutOutbound(t)));
        rules.values().forEach(r -> out.add(new JournalEntry.PutRule(r)));
        return out;
    }

    ConfigSnapshot snapshot() {
        return new ConfigSnapshot(List.copyOf(inbound.values()), List.copyOf(outbound.values()), List.copyOf(rules.values()));
    }

    static <T> List<T> page(NavigableMap<String, T> map, PageRequest page) {
        NavigableMap<String, T> tail = page.afterId().isEmpty() ? map : map.tailMap(page.afterId(), false);
        List<T> out = new ArrayList<>();
        for (T value : tail.values()) {
            if (page.limit() > 0 && out.size() == page.limit()) {
                break;
            }
            out.add(value);
        }
        return List.copyOf(out);
    }
}
