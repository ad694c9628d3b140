package io.switchboard.sip.api;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import livekit.LivekitAgentDispatch.JobRestartPolicy;
import livekit.LivekitRoom.RoomEgress;

/**
 * LiveKit's {@code RoomConfiguration} to and from the model's. The {@code egress} message is kept
 * as its proto3 JSON text (proto field names) so the egress module can read it without this model
 * knowing every egress option; it is parsed back into the message on the way out.
 *
 * <p>{@code tags} and an agent's {@code restart_policy} have no place in the model yet, so they
 * are refused rather than silently dropped.
 */
final class RoomConfigMapper {

    private static final JsonFormat.Printer EGRESS_PRINTER =
            JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace();
    private static final JsonFormat.Parser EGRESS_PARSER = JsonFormat.parser().ignoringUnknownFields();

    private RoomConfigMapper() {
    }

    /** Null when the request has no room configuration. */
    static RoomConfiguration toModel(boolean present, livekit.LivekitRoom.RoomConfiguration p) {
        if (!present) {
            return null;
        }
        if (p.getTagsCount() > 0) {
            throw new InvalidFieldException("room_config.tags", "is not supported by this server yet");
        }
        List<RoomAgentDispatch> agents = new ArrayList<>(p.getAgentsCount());
        for (int i = 0; i < p.getAgentsCount(); i++) {
            livekit.LivekitAgentDispatch.RoomAgentDispatch agent = p.getAgents(i);
            if (agent.getRestartPolicy() != JobRestartPolicy.JRP_ON_FAILURE) {
                throw new InvalidFieldException("room_config.agents[" + i + "].restart_policy",
                        "is not supported by this server yet (LiveKit Cloud only); leave it unset");
            }
            agents.add(new RoomAgentDispatch(agent.getAgentName(), agent.getMetadata(), null));
        }
        return RoomConfiguration.builder()
                .name(p.getName())
                .emptyTimeout(p.getEmptyTimeout())
                .departureTimeout(p.getDepartureTimeout())
                .maxParticipants(p.getMaxParticipants())
                .metadata(p.getMetadata())
                .minPlayoutDelay(p.getMinPlayoutDelay())
                .maxPlayoutDelay(p.getMaxPlayoutDelay())
                .syncStreams(p.getSyncStreams())
                .agents(agents)
                .egressJson(p.hasEgress() ? egressJson(p.getEgress()) : "")
                .build();
    }

    static livekit.LivekitRoom.RoomConfiguration toProto(RoomConfiguration c) {
        livekit.LivekitRoom.RoomConfiguration.Builder b = livekit.LivekitRoom.RoomConfiguration.newBuilder()
                .setName(c.name())
                .setEmptyTimeout(c.emptyTimeout())
                .setDepartureTimeout(c.departureTimeout())
                .setMaxParticipants(c.maxParticipants())
                .setMetadata(c.metadata())
                .setMinPlayoutDelay(c.minPlayoutDelay())
                .setMaxPlayoutDelay(c.maxPlayoutDelay())
                .setSyncStreams(c.syncStreams());
        for (RoomAgentDispatch agent : c.agents()) {
            b.addAgents(livekit.LivekitAgentDispatch.RoomAgentDispatch.newBuilder()
                    .setAgentName(agent.agentName()).setMetadata(agent.metadata()));
        }
        if (!c.egressJson().isEmpty()) {
            b.setEgress(egress(c.egressJson()));
        }
        return b.build();
    }

    private static String egressJson(RoomEgress egress) {
        try {
            return EGRESS_PRINTER.print(egress);
        } catch (InvalidProtocolBufferException e) {
            throw new InvalidFieldException("room_config.egress", "cannot be written as JSON: " + e.getMessage());
        }
    }

    private static RoomEgress egress(String json) {
        RoomEgress.Builder b = RoomEgress.newBuilder();
        try {
            EGRESS_PARSER.merge(json, b);
        } catch (InvalidProtocolBufferException e) {
            // Only this mapper writes egressJson, so a failure here means the stored value was damaged.
            throw new IllegalStateException("stored room_config.egress is not valid RoomEgress JSON: " + e.getMessage(), e);
        }
        return b.build();
    }
}
