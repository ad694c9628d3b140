package io.switchboard.trunk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Journal entries as JSON: {@code {"op":"put","type":"inbound_trunk","value":{...}}} or
 * {@code {"op":"delete","type":"dispatch_rule","id":"SDR_..."}}.
 */
final class JournalCodec {
    private final ObjectMapper mapper = new ObjectMapper();

    byte[] encode(JournalEntry entry) {
        ObjectNode n = mapper.createObjectNode();
        switch (entry) {
            case JournalEntry.PutInbound(var t) ->
                    n.put("op", "put").put("type", JournalEntry.Kind.INBOUND_TRUNK.json).set("value", TrunkJson.inbound(t));
            case JournalEntry.PutOutbound(var t) ->
                    n.put("op", "put").put("type", JournalEntry.Kind.OUTBOUND_TRUNK.json).set("value", TrunkJson.outbound(t));
            case JournalEntry.PutRule(var r) ->
                    n.put("op", "put").put("type", JournalEntry.Kind.DISPATCH_RULE.json).set("value", RuleJson.rule(r));
            case JournalEntry.Delete(var kind, var id) -> n.put("op", "delete").put("type", kind.json).put("id", id);
        }
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a journal entry", e);
        }
    }

    JournalEntry decode(byte[] payload) throws IOException {
        JsonNode n = mapper.readTree(payload);
        if (n == null || !n.isObject()) {
            throw new IOException("journal entry is not a JSON object");
        }
        JournalEntry.Kind kind = JournalEntry.Kind.fromJson(JsonFields.text(n, "type"));
        String op = JsonFields.text(n, "op");
        try {
            return switch (op) {
                case "delete" -> new JournalEntry.Delete(kind, JsonFields.text(n, "id"));
                case "put" -> {
                    JsonNode value = n.get("value");
                    if (value == null || !value.isObject()) {
                        throw new IOException("put without a value");
                    }
                    yield switch (kind) {
                        case INBOUND_TRUNK -> new JournalEntry.PutInbound(TrunkJson.inbound(value));
                        case OUTBOUND_TRUNK -> new JournalEntry.PutOutbound(TrunkJson.outbound(value));
                        case DISPATCH_RULE -> new JournalEntry.PutRule(RuleJson.rule(value));
                    };
                }
                default -> throw new IOException("unknown journal op \"" + op + "\"");
            };
        } catch (RuntimeException malformed) {
            throw new IOException("malformed journal entry: " + malformed.getMessage(), malformed);
        }
    }
}
