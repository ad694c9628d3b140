package io.switchboard.sip.api;

import static io.switchboard.sip.api.SipApiTrunkTest.idsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.protocol.auth.SipGrant;
import io.switchboard.sip.api.SipApiHarness.Reply;

/** Dispatch-rule methods of the SIP service, and the grant every method needs. */
class SipApiDispatchRuleTest {

    /** LiveKit's docs example: one room per caller, answered by an agent. */
    static final String AGENT_RULE = """
            {"dispatch_rule":{"name":"agent","trunk_ids":["ST_x"],
             "rule":{"dispatch_rule_individual":{"room_prefix":"call-"}},
             "room_config":{"agents":[{"agent_name":"my-agent","metadata":"{\\"lang\\":\\"en\\"}"}],
              "empty_timeout":120,
              "egress":{"room":{"audio_only":true,"file_outputs":[{"filepath":"calls/{room_name}.ogg"}]}}}}}""";

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
    void createdRuleKeepsRoomConfigWithAgentsAndEgress() {
        JsonNode rule = api.ok("CreateSIPDispatchRule", AGENT_RULE);

        assertTrue(rule.get("sip_dispatch_rule_id").asText().matches("SDR_[A-Za-z0-9]{12}"), rule.toString());
        assertEquals("call-", rule.at("/rule/dispatch_rule_individual/room_prefix").asText());
        assertEquals("my-agent", rule.at("/room_config/agents/0/agent_name").asText());
        assertEquals("{\"lang\":\"en\"}", rule.at("/room_config/agents/0/metadata").asText());
        assertEquals(120, rule.at("/room_config/empty_timeout").asInt());
        assertTrue(rule.at("/room_config/egress/room/audio_only").asBoolean());
        assertEquals("calls/{room_name}.ogg", rule.at("/room_config/egress/room/file_outputs/0/filepath").asText());
        assertEquals("2026-03-01T12:00:00Z", rule.get("created_at").asText());

        JsonNode listed = api.ok("ListSIPDispatchRule", "{}").get("items");
        assertEquals(rule, listed.get(0));
    }

    @Test
    void legacyTopLevelFieldsCreateTheSameRule() {
        JsonNode rule = api.ok("CreateSIPDispatchRule", """
                {"rule":{"dispatchRuleDirect":{"roomName":"support","pin":"1234"}},"trunkIds":["ST_x"],
                 "hidePhoneNumber":true,"name":"legacy","attributes":{"team":"support"}}""");

        assertEquals("support", rule.at("/rule/dispatch_rule_direct/room_name").asText());
        assertEquals("1234", rule.at("/rule/dispatch_rule_direct/pin").asText());
        assertEquals("[\"ST_x\"]", rule.get("trunk_ids").toString());
        assertTrue(rule.get("hide_phone_number").asBoolean());
        assertEquals("support", rule.at("/attributes/team").asText());
    }

    @Test
    void invalidRuleIsRefusedNamingTheField() {
        Reply noRoom = api.call("CreateSIPDispatchRule",
                "{\"dispatch_rule\":{\"rule\":{\"dispatch_rule_direct\":{\"pin\":\"12ab\"}}}}");
        Reply noRule = api.call("CreateSIPDispatchRule", "{\"trunk_ids\":[\"ST_x\"]}");

        assertEquals("invalid_argument", noRoom.code());
        assertEquals("dispatch_rule.rule.dispatch_rule_direct.room_name", noRoom.meta("argument"));
        assertTrue(noRoom.msg().contains("dispatch_rule.rule.dispatch_rule_direct.pin: must be at most 16 DTMF digits"),
                noRoom.msg());
        assertEquals("rule", noRule.meta("argument"));
    }

    @Test
    void conflictingRuleNamesTheRuleItCollidesWith() {
        String first = api.ok("CreateSIPDispatchRule", AGENT_RULE).get("sip_dispatch_rule_id").asText();

        Reply reply = api.call("CreateSIPDispatchRule", """
                {"dispatch_rule":{"trunk_ids":["ST_x"],"rule":{"dispatch_rule_direct":{"room_name":"other"}}}}""");

        assertEquals("invalid_argument", reply.code());
        assertEquals(first, reply.meta("conflicting_id"));
        assertTrue(reply.msg().contains("dispatch rule " + first), reply.msg());
    }

    @Test
    void updateAppliesTheAttributeDiffAndReplaceKeepsTheId() {
        String id = api.ok("CreateSIPDispatchRule", """
                {"dispatch_rule":{"rule":{"dispatch_rule_callee":{"room_prefix":"line-"}},
                 "attributes":{"a":"1","b":"2"}}}""").get("sip_dispatch_rule_id").asText();
        api.clock.advance(Duration.ofSeconds(30));

        JsonNode updated = api.ok("UpdateSIPDispatchRule", "{\"sip_dispatch_rule_id\":\"" + id + "\",\"update\":"
                + "{\"attributes\":{\"a\":\"\",\"c\":\"3\"},\"trunk_ids\":{\"add\":[\"ST_y\"]},\"name\":\"n\"}}");
        JsonNode replaced = api.ok("UpdateSIPDispatchRule", "{\"sip_dispatch_rule_id\":\"" + id + "\",\"replace\":"
                + "{\"rule\":{\"dispatch_rule_direct\":{\"room_name\":\"lobby\"}}}}");

        assertEquals("{\"b\":\"2\",\"c\":\"3\"}", updated.get("attributes").toString());
        assertEquals("[\"ST_y\"]", updated.get("trunk_ids").toString());
        assertEquals("line-", updated.at("/rule/dispatch_rule_callee/room_prefix").asText());
        assertEquals("2026-03-01T12:00:30Z", updated.get("updated_at").asText());
        assertEquals(id, replaced.get("sip_dispatch_rule_id").asText());
        assertEquals("lobby", replaced.at("/rule/dispatch_rule_direct/room_name").asText());
        assertEquals("{}", replaced.get("attributes").toString());
        assertEquals("2026-03-01T12:00:00Z", replaced.get("created_at").asText());
    }

    @Test
    void listFiltersByTrunkIncludingRulesForEveryTrunk() {
        String forX = api.ok("CreateSIPDispatchRule", AGENT_RULE).get("sip_dispatch_rule_id").asText();
        String forAll = api.ok("CreateSIPDispatchRule",
                "{\"dispatch_rule\":{\"rule\":{\"dispatch_rule_direct\":{\"room_name\":\"lobby\"}}}}")
                .get("sip_dispatch_rule_id").asText();
        String forY = api.ok("CreateSIPDispatchRule", "{\"dispatch_rule\":{\"trunk_ids\":[\"ST_y\"],"
                + "\"rule\":{\"dispatch_rule_direct\":{\"room_name\":\"y\"}}}}").get("sip_dispatch_rule_id").asText();

        JsonNode forTrunkX = api.ok("ListSIPDispatchRule", "{\"trunk_ids\":[\"ST_x\"]}").get("items");
        JsonNode byIds = api.ok("ListSIPDispatchRule",
                "{\"dispatch_rule_ids\":[\"" + forY + "\",\"" + forX + "\"]}").get("items");

        assertEquals(Set.of(forX, forAll), Set.copyOf(idsOf(forTrunkX)));
        assertEquals(List.of(forY, forX), idsOf(byIds));
    }

    @Test
    void deleteAnswersTheDeletedRule() {
        String id = api.ok("CreateSIPDispatchRule", AGENT_RULE).get("sip_dispatch_rule_id").asText();

        JsonNode deleted = api.ok("DeleteSIPDispatchRule", "{\"sip_dispatch_rule_id\":\"" + id + "\"}");
        Reply again = api.call("DeleteSIPDispatchRule", "{\"sip_dispatch_rule_id\":\"" + id + "\"}");

        assertEquals("my-agent", deleted.at("/room_config/agents/0/agent_name").asText());
        assertEquals("not_found", again.code());
        assertEquals("dispatch rule " + id + " does not exist", again.msg());
        assertEquals(0, api.ok("ListSIPDispatchRule", "{}").get("items").size());
    }

    @Test
    void everyMethodNeedsTheSipAdminGrant() {
        String callOnly = api.token(new SipGrant(false, true));
        List<String> methods = List.of("CreateSIPInboundTrunk", "UpdateSIPInboundTrunk", "GetSIPInboundTrunk",
                "ListSIPInboundTrunk", "CreateSIPOutboundTrunk", "UpdateSIPOutboundTrunk", "GetSIPOutboundTrunk",
                "ListSIPOutboundTrunk", "ListSIPTrunk", "DeleteSIPTrunk", "CreateSIPDispatchRule",
                "UpdateSIPDispatchRule", "ListSIPDispatchRule", "DeleteSIPDispatchRule");

        for (String method : methods) {
            Reply reply = api.call(method, "{}", callOnly);
            assertEquals(401, reply.status(), method);
            assertEquals("unauthenticated", reply.code(), method);
            assertTrue(reply.msg().contains("sip.admin"), reply.msg());
        }
        assertEquals(0, api.store.snapshot().dispatchRules().size());
    }

    @Test
    void callMethodsAreLeftToTheCallSide() {
        Reply reply = api.call("CreateSIPParticipant", "{}");

        assertEquals("bad_route", reply.code());
        assertFalse(reply.msg().isEmpty());
    }
}
