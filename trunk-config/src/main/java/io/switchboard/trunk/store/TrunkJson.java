package io.switchboard.trunk.store;

import static io.switchboard.trunk.store.JsonFields.bool;
import static io.switchboard.trunk.store.JsonFields.duration;
import static io.switchboard.trunk.store.JsonFields.enumValue;
import static io.switchboard.trunk.store.JsonFields.instant;
import static io.switchboard.trunk.store.JsonFields.list;
import static io.switchboard.trunk.store.JsonFields.map;
import static io.switchboard.trunk.store.JsonFields.putInstant;
import static io.switchboard.trunk.store.JsonFields.putList;
import static io.switchboard.trunk.store.JsonFields.putMap;
import static io.switchboard.trunk.store.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.SipTransport;

/** Trunks as JSON objects with LiveKit's snake_case field names. Rules are in {@link RuleJson}. */
final class TrunkJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private TrunkJson() {
    }

    static ObjectNode inbound(InboundTrunk t) {
        ObjectNode n = NODES.objectNode();
        n.put("sip_trunk_id", t.id());
        n.put("name", t.name());
        n.put("metadata", t.metadata());
        putList(n, "numbers", t.numbers());
        putList(n, "allowed_addresses", t.allowedAddresses());
        putList(n, "allowed_numbers", t.allowedNumbers());
        n.put("auth_username", t.authUsername());
        n.put("auth_password", t.authPassword());
        n.put("auth_realm", t.authRealm());
        putMap(n, "headers", t.headers());
        putMap(n, "headers_to_attributes", t.headersToAttributes());
        putMap(n, "attributes_to_headers", t.attributesToHeaders());
        n.put("include_headers", t.includeHeaders().name());
        JsonFields.putDuration(n, "ringing_timeout", t.ringingTimeout());
        JsonFields.putDuration(n, "max_call_duration", t.maxCallDuration());
        n.put("krisp_enabled", t.krispEnabled());
        n.put("media_encryption", t.mediaEncryption().name());
        putInstant(n, "created_at", t.createdAt());
        putInstant(n, "updated_at", t.updatedAt());
        return n;
    }

    static InboundTrunk inbound(JsonNode n) {
        return InboundTrunk.builder()
                .id(text(n, "sip_trunk_id"))
                .name(text(n, "name"))
                .metadata(text(n, "metadata"))
                .numbers(list(n, "numbers"))
                .allowedAddresses(list(n, "allowed_addresses"))
                .allowedNumbers(list(n, "allowed_numbers"))
                .authUsername(text(n, "auth_username"))
                .authPassword(text(n, "auth_password"))
                .authRealm(text(n, "auth_realm"))
                .headers(map(n, "headers"))
                .headersToAttributes(map(n, "headers_to_attributes"))
                .attributesToHeaders(map(n, "attributes_to_headers"))
                .includeHeaders(enumValue(n, "include_headers", IncludeHeaders.class, IncludeHeaders.NONE))
                .ringingTimeout(duration(n, "ringing_timeout"))
                .maxCallDuration(duration(n, "max_call_duration"))
                .krispEnabled(bool(n, "krisp_enabled"))
                .mediaEncryption(enumValue(n, "media_encryption", MediaEncryption.class, MediaEncryption.DISABLE))
                .createdAt(instant(n, "created_at"))
                .updatedAt(instant(n, "updated_at"))
                .build();
    }

    static ObjectNode outbound(OutboundTrunk t) {
        ObjectNode n = NODES.objectNode();
        n.put("sip_trunk_id", t.id());
        n.put("name", t.name());
        n.put("metadata", t.metadata());
        n.put("address", t.address());
        n.put("transport", t.transport().name());
        n.put("destination_country", t.destinationCountry());
        putList(n, "numbers", t.numbers());
        n.put("auth_username", t.authUsername());
        n.put("auth_password", t.authPassword());
        putMap(n, "headers", t.headers());
        putMap(n, "headers_to_attributes", t.headersToAttributes());
        putMap(n, "attributes_to_headers", t.attributesToHeaders());
        n.put("include_headers", t.includeHeaders().name());
        n.put("media_encryption", t.mediaEncryption().name());
        n.put("from_host", t.fromHost());
        putInstant(n, "created_at", t.createdAt());
        putInstant(n, "updated_at", t.updatedAt());
        return n;
    }

    static OutboundTrunk outbound(JsonNode n) {
        return OutboundTrunk.builder()
                .id(text(n, "sip_trunk_id"))
                .name(text(n, "name"))
                .metadata(text(n, "metadata"))
                .address(text(n, "address"))
                .transport(enumValue(n, "transport", SipTransport.class, SipTransport.AUTO))
                .destinationCountry(text(n, "destination_country"))
                .numbers(list(n, "numbers"))
                .authUsername(text(n, "auth_username"))
                .authPassword(text(n, "auth_password"))
                .headers(map(n, "headers"))
                .headersToAttributes(map(n, "headers_to_attributes"))
                .attributesToHeaders(map(n, "attributes_to_headers"))
                .includeHeaders(enumValue(n, "include_headers", IncludeHeaders.class, IncludeHeaders.NONE))
                .mediaEncryption(enumValue(n, "media_encryption", MediaEncryption.class, MediaEncryption.DISABLE))
                .fromHost(text(n, "from_host"))
                .createdAt(instant(n, "created_at"))
                .updatedAt(instant(n, "updated_at"))
                .build();
    }
}
