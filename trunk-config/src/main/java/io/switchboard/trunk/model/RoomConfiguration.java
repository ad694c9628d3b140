package io.switchboard.trunk.model;

import java.util.List;

/**
 * Settings for a room that a dispatched call creates, as LiveKit's {@code RoomConfiguration}.
 * Numbers are protobuf {@code uint32}s, so zero means "server default".
 *
 * @param emptyTimeout     seconds the room stays open if nobody joins
 * @param departureTimeout seconds the room stays open after everyone left
 * @param maxParticipants  0 means unlimited
 * @param minPlayoutDelay  milliseconds
 * @param maxPlayoutDelay  milliseconds
 * @param agents           agents dispatched into the room when it is created
 * @param egressJson       LiveKit's {@code RoomEgress} as JSON, kept verbatim for the egress module; empty if none
 */
public record RoomConfiguration(
        String name,
        int emptyTimeout,
        int departureTimeout,
        int maxParticipants,
        String metadata,
        int minPlayoutDelay,
        int maxPlayoutDelay,
        boolean syncStreams,
        List<RoomAgentDispatch> agents,
        String egressJson) {

    public RoomConfiguration {
        name = Values.text(name);
        metadata = Values.text(metadata);
        agents = Values.elements("agents", agents);
        egressJson = Values.text(egressJson);
    }

    /** A configuration that only dispatches the given agents. */
    public static RoomConfiguration withAgents(RoomAgentDispatch... agents) {
        return builder().agents(List.of(agents)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .name(name).emptyTimeout(emptyTimeout).departureTimeout(departureTimeout)
                .maxParticipants(maxParticipants).metadata(metadata).minPlayoutDelay(minPlayoutDelay)
                .maxPlayoutDelay(maxPlayoutDelay).syncStreams(syncStreams).agents(agents).egressJson(egressJson);
    }

    /** Mutable helper for building a configuration field by field. */
    public static final class Builder {
        private String name = "";
        private int emptyTimeout;
        private int departureTimeout;
        private int maxParticipants;
        private String metadata = "";
        private int minPlayoutDelay;
        private int maxPlayoutDelay;
        private boolean syncStreams;
        private List<RoomAgentDispatch> agents = List.of();
        private String egressJson = "";

        private Builder() {
        }

        public Builder name(String v) { name = v; return this; }
        public Builder emptyTimeout(int v) { emptyTimeout = v; return this; }
        public Builder departureTimeout(int v) { departureTimeout = v; return this; }
        public Builder maxParticipants(int v) { maxParticipants = v; return this; }
        public Builder metadata(String v) { metadata = v; return this; }
        public Builder minPlayoutDelay(int v) { minPlayoutDelay = v; return this; }
        public Builder maxPlayoutDelay(int v) { maxPlayoutDelay = v; return this; }
        public Builder syncStreams(boolean v) { syncStreams = v; return this; }
        public Builder agents(List<RoomAgentDispatch> v) { agents = v; return this; }
        public Builder egressJson(String v) { egressJson = v; return this; }

        public RoomConfiguration build() {
            return new RoomConfiguration(name, emptyTimeout, departureTimeout, maxParticipants, metadata,
                    minPlayoutDelay, maxPlayoutDelay, syncStreams, agents, egressJson);
        }
    }
}
