package io.switchboard.trunk.store;

import static io.switchboard.trunk.store.JsonFields.bool;
import static io.switchboard.trunk.store.JsonFields.enumValue;
import static io.switchboard.trunk.store.JsonFields.instant;
import static io.switchboard.trunk.store.JsonFields.integer;
import static io.switchboard.trunk.store.JsonFields.list;
import static io.switchboard.trunk.store.JsonFields.map;
import static io.switchboard.trunk.store.JsonFields.putInstant;
import static io.switchboard.trunk.store.JsonFields.putList;
import static io.switchboard.trunk.store.JsonFields.putMap;
import static io.switchboard.trunk.store.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Dispatch rules as JSON objects shaped like LiveKit's {@code SIPDispatchRuleInfo}. */
final class RuleJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RuleJson() {
    }

    static ObjectNode rule(DispatchRule r) {
        ObjectNode n = NODES.objectNode();
        n.put("sip_dispatch_rule_id", r.id());
        n.put("name", r.name());
        n.put("metadata", r.metadata());
        if (r.rule() != null) {
            roomRule(n.putObject("rule"), r.rule());
        }
        putList(n, "trunk_ids", r.trunkIds());
        putList(n, "inbound_numbers", r.inboundNumbers());
        putList(n, "numbers", r.numbers());
        n.put("hide_phone_number", r.hidePhoneNumber());
        putMap(n, "attributes", r.attributes());
        n.put("room_preset", r.roomPreset());
        if (r.roomConfig() != null) {
            n.set("room_config", roomConfig(r.roomConfig()));
        }
        n.put("krisp_enabled", r.krispEnabled());
        n.put("media_encryption", r.mediaEncryption().name());
        putInstant(n, "created_at", r.createdAt());
        putInstant(n, "updated_at", r.updatedAt());
        return n;
    }

    static DispatchRule rule(JsonNode n) throws IOException {
        JsonNode config = n.get("room_config");
        return DispatchRule.builder()
                .id(text(n, "sip_dispatch_rule_id"))
                .name(text(n, "name"))
                .metadata(text(n, "metadata"))
                .rule(n.has("rule") ? roomRule(n.get("rule")) : null)
                .trunkIds(list(n, "trunk_ids"))
                .inboundNumbers(list(n, "inbound_numbers"))
                .numbers(list(n, "numbers"))
                .hidePhoneNumber(bool(n, "hide_phone_number"))
                .attributes(map(n, "attributes"))
                .roomPreset(text(n, "room_preset"))
                .roomConfig(config == null ? null : roomConfig(config))
                .krispEnabled(bool(n, "krisp_enabled"))
                .mediaEncryption(enumValue(n, "media_encryption", MediaEncryption.class, MediaEncryption.DISABLE))
                .createdAt(instant(n, "created_at"))
                .updatedAt(instant(n, "updated_at"))
                .build();
    }

    private static void roomRule(ObjectNode n, RoomRule rule) {
        switch (rule) {
            case RoomRule.Direct d -> n.putObject("dispatch_rule_direct")
                    .put("room_name", d.roomName()).put("pin", d.pin());
            case RoomRule.Individual i -> n.putObject("dispatch_rule_individual")
                    .put("room_prefix", i.roomPrefix()).put("pin", i.pin()).put("no_randomness", i.noRandomness());
            case RoomRule.Callee c -> n.putObject("dispatch_rule_callee")
                    .put("room_prefix", c.roomPrefix()).put("pin", c.pin()).put("randomize", c.randomize());
        }
    }

    private static RoomRule roomRule(JsonNode n) throws IOException {
        if (n.has("dispatch_rule_direct")) {
            JsonNode d = n.get("dispatch_rule_direct");
            return new RoomRule.Direct(text(d, "room_name"), text(d, "pin"));
        }
        if (n.has("dispatch_rule_individual")) {
            JsonNode i = n.get("dispatch_rule_individual");
            return new RoomRule.Individual(text(i, "room_prefix"), text(i, "pin"), bool(i, "no_randomness"));
        }
        if (n.has("dispatch_rule_callee")) {
            JsonNode c = n.get("dispatch_rule_callee");
            return new RoomRule.Callee(text(c, "room_prefix"), text(c, "pin"), bool(c, "randomize"));
        }
        throw new IOException("unknown dispatch rule kind in journal: " + n);
    }

    private static ObjectNode roomConfig(RoomConfiguration c) {
        ObjectNode n = NODES.objectNode();
        n.put("name", c.name());
        n.put("empty_timeout", c.emptyTimeout());
        n.put("departure_timeout", c.departureTimeout());
        n.put("max_participants", c.maxParticipants());
        n.put("metadata", c.metadata());
        n.put("min_playout_delay", c.minPlayoutDelay());
        n.put("max_playout_delay", c.maxPlayoutDelay());
        n.put("sync_streams", c.syncStreams());
        ArrayNode agents = n.putArray("agents");
        for (RoomAgentDispatch a : c.agents()) {
            ObjectNode agent = agents.addObject().put("agent_name", a.agentName()).put("metadata", a.metadata());
            putMap(agent, "attributes", a.attributes());
        }
        // Kept as a string, not parsed: the egress module owns its meaning.
        n.put("egress_json", c.egressJson());
        return n;
    }

    private static RoomConfiguration roomConfig(JsonNode n) {
        List<RoomAgentDispatch> agents = new ArrayList<>();
        JsonNode array = n.get("agents");
        if (array != null) {
            array.forEach(a -> agents.add(new RoomAgentDispatch(text(a, "agent_name"), text(a, "metadata"), map(a, "attributes"))));
        }
        return RoomConfiguration.builder()
                .name(text(n, "name"))
                .emptyTimeout(integer(n, "empty_timeout"))
                .departureTimeout(integer(n, "departure_timeout"))
                .maxParticipants(integer(n, "max_participants"))
                .metadata(text(n, "metadata"))
                .minPlayoutDelay(integer(n, "min_playout_delay"))
                .maxPlayoutDelay(integer(n, "max_playout_delay"))
                .syncStreams(bool(n, "sync_streams"))
                .agents(agents)
                .egressJson(text(n, "egress_json"))
                .build();
    }
}
