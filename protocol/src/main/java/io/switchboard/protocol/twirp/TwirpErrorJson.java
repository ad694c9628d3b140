package io.switchboard.protocol.twirp;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders a Twirp error body as twirp's Go server does: {@code {"code":..,"msg":..}} plus
 * {@code "meta"} (keys sorted) only when there is meta, like Go's {@code omitempty}.
 */
final class TwirpErrorJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwirpErrorJson() {
    }

    static byte[] render(TwirpException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.code().code());
        body.put("msg", error.msg());
        if (!error.meta().isEmpty()) {
            body.put("meta", new TreeMap<>(error.meta()));
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            // Strings and a map of strings always serialize; keep a valid Twirp body regardless.
            return "{\"code\":\"internal\",\"msg\":\"error could not be serialized\"}".getBytes(StandardCharsets.UTF_8);
        }
    }
}
