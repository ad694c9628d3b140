package io.switchboard.trunk.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial change to a dispatch rule, as LiveKit's {@code SIPDispatchRuleUpdate}. A null
 * component leaves that field unchanged. {@code attributes} is a diff: a non-empty value sets
 * the attribute, an empty value removes it.
 */
public record DispatchRuleUpdate(
        ListUpdate trunkIds,
        RoomRule rule,
        String name,
        String metadata,
        Map<String, String> attributes,
        MediaEncryption mediaEncryption) implements ModelUpdate<DispatchRule> {

    public DispatchRuleUpdate {
        attributes = Values.map("attributes", attributes);
    }

    /** Malformed list updates, each naming its field. */
    @Override
    public List<Violation> problems() {
        List<Violation> out = new ArrayList<>();
        Updates.check(out, "trunk_ids", trunkIds);
        return out;
    }

    /**
     * The rule with this update applied. The result still has to pass write-time validation.
     *
     * @throws IllegalArgumentException naming the field if a list update is malformed
     */
    @Override
    public DispatchRule applyTo(DispatchRule current) {
        Updates.requireNoProblems(problems());
        DispatchRule.Builder b = current.toBuilder();
        if (trunkIds != null) b.trunkIds(trunkIds.apply(current.trunkIds()));
        if (rule != null) b.rule(rule);
        if (name != null) b.name(name);
        if (metadata != null) b.metadata(metadata);
        if (!attributes.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(current.attributes());
            attributes.forEach((k, v) -> {
                if (v.isEmpty()) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            b.attributes(merged);
        }
        if (mediaEncryption != null) b.mediaEncryption(mediaEncryption);
        return b.build();
    }
}
