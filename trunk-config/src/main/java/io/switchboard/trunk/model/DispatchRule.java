package io.switchboard.trunk.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Which room an admitted inbound call joins, as LiveKit's {@code SIPDispatchRuleInfo}.
 * Empty lists are wildcards: no {@code trunkIds} applies to every trunk (and to calls that
 * matched no trunk), no {@code numbers} to every called number, no {@code inboundNumbers}
 * to every caller.
 *
 * @param id              {@code SDR_...}; empty until the store assigns one
 * @param rule            how the room is named; required
 * @param trunkIds        inbound trunks this rule applies to
 * @param inboundNumbers  caller numbers (From user) this rule accepts
 * @param numbers         called numbers (To user) this rule accepts
 * @param hidePhoneNumber hash the caller's identity and show only the last digits
 * @param metadata        participant metadata of dispatched callers
 * @param attributes      participant attributes of dispatched callers
 * @param roomPreset      LiveKit Cloud preset name; passed through
 * @param roomConfig      configuration of the room if the call creates it; null if none
 */
public record DispatchRule(
        String id,
        String name,
        String metadata,
        RoomRule rule,
        List<String> trunkIds,
        List<String> inboundNumbers,
        List<String> numbers,
        boolean hidePhoneNumber,
        Map<String, String> attributes,
        String roomPreset,
        RoomConfiguration roomConfig,
        boolean krispEnabled,
        MediaEncryption mediaEncryption,
        Instant createdAt,
        Instant updatedAt) {

    public DispatchRule {
        id = Values.text(id);
        name = Values.text(name);
        metadata = Values.text(metadata);
        trunkIds = Values.list("trunk_ids", trunkIds);
        inboundNumbers = Values.list("inbound_numbers", inboundNumbers);
        numbers = Values.list("numbers", numbers);
        attributes = Values.map("attributes", attributes);
        roomPreset = Values.text(roomPreset);
        mediaEncryption = mediaEncryption == null ? MediaEncryption.DISABLE : mediaEncryption;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The rule's PIN, or empty when the room is open (or the rule is missing). */
    public String pin() {
        return rule == null ? "" : rule.pin();
    }

    public DispatchRule withId(String newId) {
        return toBuilder().id(newId).build();
    }

    public DispatchRule withTimestamps(Instant created, Instant updated) {
        return toBuilder().createdAt(created).updatedAt(updated).build();
    }

    /** Mutable helper for building rules field by field. */
    public static final class Builder {
        private String id = "";
        private String name = "";
        private String metadata = "";
        private RoomRule rule;
        private List<String> trunkIds = List.of();
        private List<String> inboundNumbers = List.of();
        private List<String> numbers = List.of();
        private boolean hidePhoneNumber;
        private Map<String, String> attributes = Map.of();
        private String roomPreset = "";
        private RoomConfiguration roomConfig;
        private boolean krispEnabled;
        private MediaEncryption mediaEncryption = MediaEncryption.DISABLE;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        private Builder(DispatchRule r) {
            id = r.id;
            name = r.name;
            metadata = r.metadata;
            rule = r.rule;
            trunkIds = r.trunkIds;
            inboundNumbers = r.inboundNumbers;
            numbers = r.numbers;
            hidePhoneNumber = r.hidePhoneNumber;
            attributes = r.attributes;
            roomPreset = r.roomPreset;
            roomConfig = r.roomConfig;
            krispEnabled = r.krispEnabled;
            mediaEncryption = r.mediaEncryption;
            createdAt = r.createdAt;
            updatedAt = r.updatedAt;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder metadata(String v) { metadata = v; return this; }
        public Builder rule(RoomRule v) { rule = v; return this; }
        public Builder trunkIds(List<String> v) { trunkIds = v; return this; }
        public Builder trunkIds(String... v) { trunkIds = List.of(v); return this; }
        public Builder inboundNumbers(List<String> v) { inboundNumbers = v; return this; }
        public Builder inboundNumbers(String... v) { inboundNumbers = List.of(v); return this; }
        public Builder numbers(List<String> v) { numbers = v; return this; }
        public Builder numbers(String... v) { numbers = List.of(v); return this; }
        public Builder hidePhoneNumber(boolean v) { hidePhoneNumber = v; return this; }
        public Builder attributes(Map<String, String> v) { attributes = v; return this; }
        public Builder roomPreset(String v) { roomPreset = v; return this; }
        public Builder roomConfig(RoomConfiguration v) { roomConfig = v; return this; }
        public Builder krispEnabled(boolean v) { krispEnabled = v; return this; }
        public Builder mediaEncryption(MediaEncryption v) { mediaEncryption = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder updatedAt(Instant v) { updatedAt = v; return this; }

        public DispatchRule build() {
            return new DispatchRule(id, name, metadata, rule, trunkIds, inboundNumbers, numbers, hidePhoneNumber,
                    attributes, roomPreset, roomConfig, krispEnabled, mediaEncryption, createdAt, updatedAt);
        }
    }
}
