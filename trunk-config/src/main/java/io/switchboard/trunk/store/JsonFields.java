package io.switchboard.trunk.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing the field shapes of the journal's JSON (Jackson stays in this package). */
final class JsonFields {
    private JsonFields() {
    }

    static void putList(ObjectNode node, String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
    }

    static void putMap(ObjectNode node, String name, Map<String, String> values) {
        ObjectNode object = node.putObject(name);
        values.forEach(object::put);
    }

    static void putDuration(ObjectNode node, String name, Duration value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    static void putInstant(ObjectNode node, String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? "" : v.asText();
    }

    static boolean bool(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.asBoolean();
    }

    static int integer(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null ? 0 : v.asInt();
    }

    static List<String> list(JsonNode node, String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    static Map<String, String> map(JsonNode node, String name) {
        JsonNode v = node.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v != null) {
            v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static Duration duration(JsonNode node, String name) {
        String v = text(node, name);
        return v.isEmpty() ? null : Duration.parse(v);
    }

    static Instant instant(JsonNode node, String name) {
        String v = text(node, name);
        return v.isEmpty() ? null : Instant.parse(v);
    }

    static <E extends Enum<E>> E enumValue(JsonNode node, String name, Class<E> type, E absent) {
        String v = text(node, name);
        return v.isEmpty() ? absent : Enum.valueOf(type, v);
    }
}
