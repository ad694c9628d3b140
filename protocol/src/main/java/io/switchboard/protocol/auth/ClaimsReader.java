package io.switchboard.protocol.auth;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

import io.switchboard.protocol.auth.TokenException.Reason;
import livekit.LivekitRoom.RoomConfiguration;

/**
 * Reads LiveKit's claim JSON (see {@code protocol/auth/grants.go}) into {@link ClaimGrants}.
 * Strict about types, like Go's {@code json.Unmarshal}: a claim of the wrong type makes the token
 * malformed, and the message names the claim. JSON {@code null} counts as absent.
 */
final class ClaimsReader {

    private static final JsonFormat.Parser ROOM_CONFIG_PARSER = JsonFormat.parser().ignoringUnknownFields();

    private ClaimsReader() {
    }

    static ClaimGrants read(JsonNode payload) throws TokenException {
        if (!payload.isObject()) {
            throw malformed("token payload is not a JSON object");
        }
        String identity = string(payload, "sub", "sub");
        if (identity.isEmpty()) {
            identity = string(payload, "jti", "jti");
        }
        return new ClaimGrants(
                identity,
                string(payload, "name", "name"),
                string(payload, "kind", "kind"),
                string(payload, "metadata", "metadata"),
                attributes(payload.get("attributes")),
                string(payload, "sha256", "sha256"),
                video(payload.get("video")),
                sip(payload.get("sip")),
                roomConfig(payload.get("roomConfig")),
                string(payload, "roomPreset", "roomPreset"),
                numericDate(payload, "iat"),
                numericDate(payload, "nbf"),
                numericDate(payload, "exp"));
    }

    private static VideoGrant video(JsonNode node) throws TokenException {
        if (absent(node)) {
            return VideoGrant.DEFAULTS;
        }
        requireObject(node, "video");
        VideoGrant.Builder video = VideoGrant.builder()
                .roomCreate(bool(node, "video.roomCreate", false))
                .roomList(bool(node, "video.roomList", false))
                .roomRecord(bool(node, "video.roomRecord", false))
                .roomAdmin(bool(node, "video.roomAdmin", false))
                .roomJoin(bool(node, "video.roomJoin", false))
                .room(string(node, "room", "video.room"))
                .canPublish(bool(node, "video.canPublish", true))
                .canSubscribe(bool(node, "video.canSubscribe", true))
                .canPublishSources(stringList(node.get("canPublishSources"), "video.canPublishSources"))
                .canUpdateOwnMetadata(bool(node, "video.canUpdateOwnMetadata", false))
                .ingressAdmin(bool(node, "video.ingressAdmin", false))
                .hidden(bool(node, "video.hidden", false))
                .recorder(bool(node, "video.recorder", false))
                .agent(bool(node, "video.agent", false))
                .canSubscribeMetrics(bool(node, "video.canSubscribeMetrics", false))
                .destinationRoom(string(node, "destinationRoom", "video.destinationRoom"));
        if (!absent(node.get("canPublishData"))) {
            video.canPublishData(bool(node, "video.canPublishData", false));
        }
        return video.build();
    }

    private static SipGrant sip(JsonNode node) throws TokenException {
        if (absent(node)) {
            return SipGrant.NONE;
        }
        requireObject(node, "sip");
        return new SipGrant(bool(node, "sip.admin", false), bool(node, "sip.call", false));
    }

    private static Optional<RoomConfiguration> roomConfig(JsonNode node) throws TokenException {
        if (absent(node)) {
            return Optional.empty();
        }
        requireObject(node, "roomConfig");
        RoomConfiguration.Builder config = RoomConfiguration.newBuilder();
        try {
            ROOM_CONFIG_PARSER.merge(node.toString(), config);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new TokenException(Reason.MALFORMED, "claim roomConfig is not a valid RoomConfiguration: " + e.getMessage(), e);
        }
        return Optional.of(config.build());
    }

    private static Map<String, String> attributes(JsonNode node) throws TokenException {
        if (absent(node)) {
            return Map.of();
        }
        requireObject(node, "attributes");
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw malformed("claim attributes." + entry.getKey() + " must be a string");
            }
            attributes.put(entry.getKey(), entry.getValue().textValue());
        }
        return attributes;
    }

    private static List<String> stringList(JsonNode node, String claim) throws TokenException {
        if (absent(node)) {
            return List.of();
        }
        if (!node.isArray()) {
            throw malformed("claim " + claim + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw malformed("claim " + claim + " must be an array of strings");
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static String string(JsonNode parent, String field, String claim) throws TokenException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return "";
        }
        if (!node.isTextual()) {
            throw malformed("claim " + claim + " must be a string");
        }
        return node.textValue();
    }

    /** Reads {@code claim} = "parent.field" from {@code parent}. */
    private static boolean bool(JsonNode parent, String claim, boolean absentValue) throws TokenException {
        JsonNode node = parent.get(claim.substring(claim.indexOf('.') + 1));
        if (absent(node)) {
            return absentValue;
        }
        if (!node.isBoolean()) {
            throw malformed("claim " + claim + " must be true or false");
        }
        return node.booleanValue();
    }

    private static Optional<Instant> numericDate(JsonNode parent, String field) throws TokenException {
        JsonNode node = parent.get(field);
        if (absent(node)) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw malformed("claim " + field + " must be a number of seconds since the epoch");
        }
        return Optional.of(Instant.ofEpochSecond(node.longValue()));
    }

    private static void requireObject(JsonNode node, String claim) throws TokenException {
        if (!node.isObject()) {
            throw malformed("claim " + claim + " must be a JSON object");
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static TokenException malformed(String message) {
        return new TokenException(Reason.MALFORMED, message);
    }
}
