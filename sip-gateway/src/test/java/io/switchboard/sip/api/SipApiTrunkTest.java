package io.switchboard.sip.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.sip.api.SipApiHarness.Reply;

/** Trunk methods of the SIP service, called with JSON as LiveKit's SDKs and docs call them. */
class SipApiTrunkTest {

    /** LiveKit's docs example for CreateSIPInboundTrunk. */
    static final String TWILIO_INBOUND = """
            {"trunk":{"name":"twilio-in","numbers":["+15105550100"],
             "allowed_addresses":["54.172.60.0/30","54.244.51.0/30"],
             "headers_to_attributes":{"X-Customer":"customer"},
             "include_headers":"SIP_X_HEADERS","ringing_timeout":"30s",
             "media_encryption":"SIP_MEDIA_ENCRYPT_ALLOW"}}""";

    /** LiveKit's docs example for CreateSIPOutboundTrunk. */
    static final String TWILIO_OUTBOUND = """
            {"trunk":{"name":"twilio-out","address":"mytrunk.pstn.twilio.com",
             "transport":"SIP_TRANSPORT_TLS","numbers":["+15105550100"],
             "auth_username":"u","auth_password":"p"}}""";

    @TempDir
    Path dir;
    SipApiHarness api;

    @BeforeEach
    void start() {
        api = new SipApiHarness(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createdInboundTrunkHasAnIdTimestampsAndEveryFieldSent() {
        JsonNode trunk = api.ok("CreateSIPInboundTrunk", TWILIO_INBOUND);

        assertTrue(trunk.get("sip_trunk_id").asText().matches("ST_[A-Za-z0-9]{12}"), trunk.toString());
        assertEquals("2026-03-01T12:00:00Z", trunk.get("created_at").asText());
        assertEquals("2026-03-01T12:00:00Z", trunk.get("updated_at").asText());
        assertEquals("54.244.51.0/30", trunk.get("allowed_addresses").get(1).asText());
        assertEquals("customer", trunk.get("headers_to_attributes").get("X-Customer").asText());
        assertEquals("SIP_X_HEADERS", trunk.get("include_headers").asText());
        assertEquals("30s", trunk.get("ringing_timeout").asText());
        assertEquals("SIP_MEDIA_ENCRYPT_ALLOW", trunk.get("media_encryption").asText());

        JsonNode got = api.ok("GetSIPInboundTrunk", "{\"sip_trunk_id\":\"" + trunk.get("sip_trunk_id").asText() + "\"}");
        assertEquals(trunk, got.get("trunk"));
    }

    @Test
    void conflictingInboundTrunkIsRefusedNamingTheTrunkItCollidesWith() {
        String first = api.ok("CreateSIPInboundTrunk", TWILIO_INBOUND).get("sip_trunk_id").asText();

        // Same number written another way, from an overlapping address: calls would match both.
        Reply reply = api.call("CreateSIPInboundTrunk",
                "{\"trunk\":{\"numbers\":[\"15105550100\"],\"allowed_addresses\":[\"54.172.60.1\"]}}");

        assertEquals(400, reply.status());
        assertEquals("invalid_argument", reply.code());
        assertEquals("trunk.numbers", reply.meta("argument"));
        assertEquals(first, reply.meta("conflicting_id"));
        assertTrue(reply.msg().startsWith("trunk.numbers: number +15105550100 is already served by trunk " + first),
                reply.msg());
    }

    @Test
    void invalidInboundTrunkNamesEveryBadField() {
        Reply reply = api.call("CreateSIPInboundTrunk",
                "{\"trunk\":{\"numbers\":[\"+15105550100\"],\"allowed_addresses\":[\"sip:54.172.60.0\"],"
                        + "\"auth_username\":\"user\"}}");

        assertEquals("invalid_argument", reply.code());
        assertEquals("trunk.allowed_addresses[0]", reply.meta("argument"));
        assertTrue(reply.msg().contains("trunk.allowed_addresses[0]: must be an IP address"), reply.msg());
        assertTrue(reply.msg().contains("trunk.auth_password"), reply.msg());
    }

    @Test
    void missingTrunkAndForeignIdAreInvalidArguments() {
        Reply missing = api.call("CreateSIPInboundTrunk", "{}");
        Reply withId = api.call("CreateSIPOutboundTrunk",
                "{\"trunk\":{\"sip_trunk_id\":\"ST_mine\",\"address\":\"a.example.com\",\"numbers\":[\"+1\"]}}");

        assertEquals("invalid_argument", missing.code());
        assertEquals("trunk: is required", missing.msg());
        assertEquals("trunk.sip_trunk_id", withId.meta("argument"));
    }

    @Test
    void updateEditsListsAndKeepsCreatedAt() {
        String id = api.ok("CreateSIPInboundTrunk", TWILIO_INBOUND).get("sip_trunk_id").asText();
        api.clock.advance(Duration.ofMinutes(5));

        JsonNode updated = api.ok("UpdateSIPInboundTrunk", "{\"sip_trunk_id\":\"" + id + "\",\"update\":{"
                + "\"numbers\":{\"add\":[\"+15105550101\"]},\"allowed_addresses\":{\"remove\":[\"54.244.51.0/30\"]},"
                + "\"name\":\"renamed\"}}");

        assertEquals("[\"+15105550100\",\"+15105550101\"]", updated.get("numbers").toString());
        assertEquals("[\"54.172.60.0/30\"]", updated.get("allowed_addresses").toString());
        assertEquals("renamed", updated.get("name").asText());
        assertEquals("30s", updated.get("ringing_timeout").asText(), "fields not in the update stay");
        assertEquals("2026-03-01T12:00:00Z", updated.get("created_at").asText());
        assertEquals("2026-03-01T12:05:00Z", updated.get("updated_at").asText());
    }

    @Test
    void replaceSwapsTheWholeTrunk() {
        String id = api.ok("CreateSIPOutboundTrunk", TWILIO_OUTBOUND).get("sip_trunk_id").asText();

        JsonNode replaced = api.ok("UpdateSIPOutboundTrunk", "{\"sip_trunk_id\":\"" + id + "\",\"replace\":"
                + "{\"address\":\"sip.telnyx.com\",\"numbers\":[\"+4930123456\"]}}");

        assertEquals(id, replaced.get("sip_trunk_id").asText());
        assertEquals("sip.telnyx.com", replaced.get("address").asText());
        assertEquals("SIP_TRANSPORT_AUTO", replaced.get("transport").asText());
        assertEquals("", replaced.get("auth_username").asText(), "a replace drops what it does not carry");
        assertEquals(id, api.ok("GetSIPOutboundTrunk", "{\"sip_trunk_id\":\"" + id + "\"}")
                .get("trunk").get("sip_trunk_id").asText());
    }

    @Test
    void badUpdatesAreRefusedBeforeAnythingChanges() {
        String id = api.ok("CreateSIPOutboundTrunk", TWILIO_OUTBOUND).get("sip_trunk_id").asText();

        Reply both = api.call("UpdateSIPOutboundTrunk",
                "{\"sip_trunk_id\":\"" + id + "\",\"update\":{\"numbers\":{\"clear\":true,\"add\":[\"+1\"]}}}");
        Reply emptied = api.call("UpdateSIPOutboundTrunk",
                "{\"sip_trunk_id\":\"" + id + "\",\"update\":{\"numbers\":{\"clear\":true}}}");
        Reply noAction = api.call("UpdateSIPOutboundTrunk", "{\"sip_trunk_id\":\"" + id + "\"}");
        Reply otherId = api.call("UpdateSIPOutboundTrunk",
                "{\"sip_trunk_id\":\"" + id + "\",\"replace\":{\"sip_trunk_id\":\"ST_other\"}}");

        assertEquals("update.numbers", both.meta("argument"));
        assertTrue(both.msg().contains("cannot clear and change the list at the same time"), both.msg());
        assertEquals("numbers", emptied.meta("argument"), "an outbound trunk needs a number to call from");
        assertEquals("action", noAction.meta("argument"));
        assertEquals("replace.sip_trunk_id", otherId.meta("argument"));
        assertEquals("[\"+15105550100\"]", api.ok("GetSIPOutboundTrunk", "{\"sip_trunk_id\":\"" + id + "\"}")
                .get("trunk").get("numbers").toString());
    }

    @Test
    void unknownIdsAreNotFound() {
        String outbound = api.ok("CreateSIPOutboundTrunk", TWILIO_OUTBOUND).get("sip_trunk_id").asText();

        Reply asInbound = api.call("GetSIPInboundTrunk", "{\"sip_trunk_id\":\"" + outbound + "\"}");
        Reply update = api.call("UpdateSIPInboundTrunk", "{\"sip_trunk_id\":\"ST_nope\",\"update\":{\"name\":\"x\"}}");
        Reply delete = api.call("DeleteSIPTrunk", "{\"sip_trunk_id\":\"ST_nope\"}");
        Reply noId = api.call("GetSIPOutboundTrunk", "{}");

        assertEquals(404, asInbound.status());
        assertEquals("not_found", asInbound.code());
        assertEquals("inbound trunk " + outbound + " does not exist (it is an outbound trunk)", asInbound.msg());
        assertEquals("not_found", update.code());
        assertEquals("not_found", delete.code());
        assertEquals("invalid_argument", noId.code());
        assertEquals("sip_trunk_id", noId.meta("argument"));
    }

    @Test
    void listsFilterByNumberAndIdAndPage() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(api.ok("CreateSIPInboundTrunk", "{\"trunk\":{\"numbers\":[\"+1510555010" + i + "\"]}}")
                    .get("sip_trunk_id").asText());
        }
        String wildcard = api.ok("CreateSIPInboundTrunk", "{\"trunk\":{\"allowed_addresses\":[\"10.0.0.0/8\"]}}")
                .get("sip_trunk_id").asText();
        List<String> sorted = new ArrayList<>(ids);
        sorted.add(wildcard);
        sorted.sort(null);

        JsonNode byNumber = api.ok("ListSIPInboundTrunk", "{\"numbers\":[\"1 (510) 555-0102\"]}").get("items");
        JsonNode byId = api.ok("ListSIPInboundTrunk",
                "{\"trunk_ids\":[\"" + ids.get(2) + "\",\"ST_gone\",\"" + ids.get(0) + "\"]}").get("items");
        JsonNode page = api.ok("ListSIPInboundTrunk",
                "{\"page\":{\"after_id\":\"" + sorted.get(0) + "\",\"limit\":2}}").get("items");

        assertEquals(Set.of(ids.get(2), wildcard), Set.copyOf(idsOf(byNumber)),
                "the trunk for that number, written another way, and the trunk for every number");
        assertEquals(List.of(ids.get(2), "", ids.get(0)), idsOf(byId), "request order; an unknown id leaves a placeholder");
        assertEquals(sorted.subList(1, 3), idsOf(page));
    }

    @Test
    @SuppressWarnings("deprecation")
    void legacyListShowsBothKindsAndDeleteTakesEither() {
        String in = api.ok("CreateSIPInboundTrunk", TWILIO_INBOUND).get("sip_trunk_id").asText();
        String out = api.ok("CreateSIPOutboundTrunk", TWILIO_OUTBOUND).get("sip_trunk_id").asText();

        JsonNode all = api.ok("ListSIPTrunk", "{}").get("items");
        JsonNode deletedOut = api.ok("DeleteSIPTrunk", "{\"sip_trunk_id\":\"" + out + "\"}");
        JsonNode deletedIn = api.ok("DeleteSIPTrunk", "{\"sip_trunk_id\":\"" + in + "\"}");

        assertEquals(Stream.of(in, out).sorted().toList(), idsOf(all));
        for (JsonNode item : all) {
            assertEquals(item.get("sip_trunk_id").asText().equals(in) ? "TRUNK_INBOUND" : "TRUNK_OUTBOUND",
                    item.get("kind").asText());
        }
        assertEquals("TRUNK_OUTBOUND", deletedOut.get("kind").asText());
        assertEquals("mytrunk.pstn.twilio.com", deletedOut.get("outbound_address").asText());
        assertEquals("SIP_TRANSPORT_TLS", deletedOut.get("transport").asText());
        assertEquals("TRUNK_INBOUND", deletedIn.get("kind").asText());
        assertEquals("+15105550100", deletedIn.get("outbound_number").asText());
        assertEquals(0, api.ok("ListSIPTrunk", "{}").get("items").size());
    }

    static List<String> idsOf(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(item -> out.add(item.path("sip_trunk_id").asText(item.path("sip_dispatch_rule_id").asText())));
        return out;
    }
}
