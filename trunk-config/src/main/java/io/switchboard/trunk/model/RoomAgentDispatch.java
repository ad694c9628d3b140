package io.switchboard.trunk.model;

import java.util.Map;

/** An agent to dispatch into the room when it is created, as LiveKit's {@code RoomAgentDispatch}. */
public record RoomAgentDispatch(String agentName, String metadata, Map<String, String> attributes) {
    public RoomAgentDispatch {
        agentName = Values.text(agentName);
        metadata = Values.text(metadata);
        attributes = Values.map("attributes", attributes);
    }

    public RoomAgentDispatch(String agentName) {
        this(agentName, "", Map.of());
    }
}
