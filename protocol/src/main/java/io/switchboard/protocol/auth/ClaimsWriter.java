package io.switchboard.protocol.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import livekit.LivekitRoom.RoomConfiguration;

/**
 * Writes {@link ClaimGrants} as LiveKit's private claims, leaving out empty values as Go's
 * {@code omitempty} does. Inside {@code video} a permission is written only when it differs from
 * what its absence means, so {@code canPublish:false} is always explicit and
 * {@code canPublishData} appears only when it differs from {@code canPublish}.
 */
final class ClaimsWriter {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };
    private static final JsonFormat.Printer ROOM_CONFIG_PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final ObjectMapper json;

    ClaimsWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The private claims (everything but {@code iss}, {@code sub}, {@code iat}, {@code nbf}, {@code exp}). */
    Map<String, Object> claims(ClaimGrants grants) {
        Map<String, Object> claims = new LinkedHashMap<>();
        putIfNotEmpty(claims, "name", grants.name());
        putIfNotEmpty(claims, "kind", grants.kind());
        putIfNotEmpty(claims, "metadata", grants.metadata());
        if (!grants.attributes().isEmpty()) {
            claims.put("attributes", new LinkedHashMap<>(grants.attributes()));
        }
        putIfNotEmpty(claims, "sha256", grants.sha256());
        Map<String, Object> video = video(grants.video());
        if (!video.isEmpty()) {
            claims.put("video", video);
        }
        Map<String, Object> sip = sip(grants.sip());
        if (!sip.isEmpty()) {
            claims.put("sip", sip);
        }
        grants.roomConfig().ifPresent(config -> claims.put("roomConfig", roomConfig(config)));
        putIfNotEmpty(claims, "roomPreset", grants.roomPreset());
        return claims;
    }

    private static Map<String, Object> video(VideoGrant video) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfTrue(out, "roomCreate", video.roomCreate());
        putIfTrue(out, "roomList", video.roomList());
        putIfTrue(out, "roomRecord", video.roomRecord());
        putIfTrue(out, "roomAdmin", video.roomAdmin());
        putIfTrue(out, "roomJoin", video.roomJoin());
        putIfNotEmpty(out, "room", video.room());
        if (!video.canPublish()) {
            out.put("canPublish", false);
        }
        if (!video.canSubscribe()) {
            out.put("canSubscribe", false);
        }
        if (video.canPublishData() != video.canPublish()) {
            out.put("canPublishData", video.canPublishData());
        }
        if (!video.canPublishSources().isEmpty()) {
            out.put("canPublishSources", video.canPublishSources());
        }
        putIfTrue(out, "canUpdateOwnMetadata", video.canUpdateOwnMetadata());
        putIfTrue(out, "ingressAdmin", video.ingressAdmin());
        putIfTrue(out, "hidden", video.hidden());
        putIfTrue(out, "recorder", video.recorder());
        putIfTrue(out, "agent", video.agent());
        putIfTrue(out, "canSubscribeMetrics", video.canSubscribeMetrics());
        putIfNotEmpty(out, "destinationRoom", video.destinationRoom());
        return out;
    }

    private static Map<String, Object> sip(SipGrant sip) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfTrue(out, "admin", sip.admin());
        putIfTrue(out, "call", sip.call());
        return out;
    }

    /** proto3 JSON (lowerCamelCase, defaults omitted), as LiveKit's SDKs put it in the token. */
    private Map<String, Object> roomConfig(RoomConfiguration config) {
        try {
            return json.readValue(ROOM_CONFIG_PRINTER.print(config), JSON_OBJECT);
        } catch (InvalidProtocolBufferException | JsonProcessingException e) {
            throw new IllegalArgumentException("roomConfig cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static void putIfNotEmpty(Map<String, Object> out, String key, String value) {
        if (!value.isEmpty()) {
            out.put(key, value);
        }
    }

    private static void putIfTrue(Map<String, Object> out, String key, boolean value) {
        if (value) {
            out.put(key, true);
        }
    }
}
