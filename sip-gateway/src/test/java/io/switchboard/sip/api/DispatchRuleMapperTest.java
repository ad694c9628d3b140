package io.switchboard.sip.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import com.google.protobuf.util.JsonFormat;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.DispatchRuleUpdate;
import io.switchboard.trunk.model.ListUpdate;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import livekit.LivekitAgentDispatch.JobRestartPolicy;
import livekit.LivekitRoom.RoomEgress;
import livekit.LivekitSip.CreateSIPDispatchRuleRequest;
import livekit.LivekitSip.SIPDispatchRule;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPDispatchRuleUpdate;

/** Dispatch rules through the mappers: all three rule kinds, room configuration with agents and egress, the legacy create fields. */
class DispatchRuleMapperTest {

    /** Automatic audio-only room recording to S3, as LiveKit's RoomEgress takes it. */
    static final String EGRESS_JSON = """
            {"room":{"room_name":"ignored","audio_only":true,"file_outputs":[{"filepath":"calls/{room_name}.ogg",\
            "s3":{"bucket":"recordings","region":"us-east-1"}}]}}""";

    static RoomEgress egress() throws Exception {
        RoomEgress.Builder b = RoomEgress.newBuilder();
        JsonFormat.parser().merge(EGRESS_JSON, b);
        return b.build();
    }

    static List<RoomRule> roomRules() {
        return List.of(
                new RoomRule.Direct("support", "1234"),
                new RoomRule.Individual("call-", "", true),
                new RoomRule.Callee("line-", "99", true));
    }

    static DispatchRule fullRule(RoomRule rule) throws Exception {
        String egressJson = JsonFormat.printer().preservingProtoFieldNames().omittingInsignificantWhitespace()
                .print(egress());
        return DispatchRule.builder()
                .id("SDR_rule1").name("agents").metadata("{\"k\":1}")
                .rule(rule)
                .trunkIds("ST_a", "ST_b")
                .inboundNumbers("+14155550123")
                .numbers("+15105550100")
                .hidePhoneNumber(true)
                .attributes(Map.of("department", "billing"))
                .roomPreset("preset-1")
                .roomConfig(RoomConfiguration.builder()
                        .name("ignored-room").emptyTimeout(120).departureTimeout(20).maxParticipants(3)
                        .metadata("room-meta").minPlayoutDelay(100).maxPlayoutDelay(400).syncStreams(true)
                        .agents(List.of(new RoomAgentDispatch("receptionist", "{\"lang\":\"en\"}", Map.of()),
                                new RoomAgentDispatch("note-taker")))
                        .egressJson(egressJson)
                        .build())
                .krispEnabled(true)
                .mediaEncryption(MediaEncryption.ALLOW)
                .createdAt(TrunkMapperTest.CREATED).updatedAt(TrunkMapperTest.UPDATED)
                .build();
    }

    @ParameterizedTest
    @MethodSource("roomRules")
    void ruleRoundTripsEveryField(RoomRule roomRule) throws Exception {
        DispatchRule rule = fullRule(roomRule);

        SIPDispatchRuleInfo proto = DispatchRuleMapper.toProto(rule);

        assertEquals(rule, DispatchRuleMapper.toModel(proto));
        assertEquals(egress(), proto.getRoomConfig().getEgress(), "egress is restored as the message it was");
        assertEquals("receptionist", proto.getRoomConfig().getAgents(0).getAgentName());
    }

    @Test
    void ruleKindsMapToTheirOneofCase() {
        assertEquals(SIPDispatchRule.RuleCase.DISPATCH_RULE_DIRECT,
                DispatchRuleMapper.roomRule(new RoomRule.Direct("r", "")).getRuleCase());
        SIPDispatchRule individual = DispatchRuleMapper.roomRule(new RoomRule.Individual("call-", "7", true));
        assertEquals("call-", individual.getDispatchRuleIndividual().getRoomPrefix());
        assertTrue(individual.getDispatchRuleIndividual().getNoRandomness());
        SIPDispatchRule callee = DispatchRuleMapper.roomRule(new RoomRule.Callee("line-", "", true));
        assertTrue(callee.getDispatchRuleCallee().getRandomize());
        assertNull(DispatchRuleMapper.roomRule(SIPDispatchRule.getDefaultInstance()), "an empty oneof is no rule");
    }

    @Test
    void legacyCreateFieldsBecomeTheRule() throws Exception {
        // As livekit-server-sdk 2.19.2 sends createSipDispatchRule: top-level fields, no dispatch_rule.
        String json = """
                {"rule":{"dispatchRuleIndividual":{"roomPrefix":"call-","pin":""}},"trunkIds":["ST_x"],
                 "hidePhoneNumber":true,"name":"legacy","metadata":"m","attributes":{"a":"b"},
                 "inboundNumbers":["+14155550123"],"roomPreset":"p",
                 "roomConfig":{"agents":[{"agentName":"my-agent"}]}}""";
        CreateSIPDispatchRuleRequest.Builder request = CreateSIPDispatchRuleRequest.newBuilder();
        JsonFormat.parser().merge(json, request);

        DispatchRule rule = DispatchRuleMapper.fromLegacyCreate(request.build());

        assertEquals(new RoomRule.Individual("call-", "", false), rule.rule());
        assertEquals(List.of("ST_x"), rule.trunkIds());
        assertTrue(rule.hidePhoneNumber());
        assertEquals("legacy", rule.name());
        assertEquals("m", rule.metadata());
        assertEquals(Map.of("a", "b"), rule.attributes());
        assertEquals(List.of("+14155550123"), rule.inboundNumbers());
        assertEquals("p", rule.roomPreset());
        assertEquals(List.of(new RoomAgentDispatch("my-agent")), rule.roomConfig().agents());
        assertEquals("", rule.roomConfig().egressJson());
    }

    @Test
    void updateMapsPresenceAndTheAttributeDiff() {
        SIPDispatchRuleUpdate proto = SIPDispatchRuleUpdate.newBuilder()
                .setTrunkIds(livekit.LivekitModels.ListUpdate.newBuilder().addAdd("ST_c"))
                .setRule(DispatchRuleMapper.roomRule(new RoomRule.Direct("vip", "")))
                .setMetadata("new")
                .putAttributes("department", "")
                .putAttributes("tier", "gold")
                .build();

        DispatchRuleUpdate update = DispatchRuleMapper.toUpdate(proto);

        assertEquals(new DispatchRuleUpdate(ListUpdate.edit(List.of("ST_c"), List.of()), new RoomRule.Direct("vip", ""),
                null, "new", Map.of("department", "", "tier", "gold"), null), update);
    }

    @Test
    void updateWithAnEmptyRuleIsRefused() {
        SIPDispatchRuleUpdate proto = SIPDispatchRuleUpdate.newBuilder().setRule(SIPDispatchRule.getDefaultInstance()).build();

        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> DispatchRuleMapper.toUpdate(proto));

        assertEquals("rule", e.field());
    }

    @Test
    void fieldsWithoutAPlaceInTheModelAreRefusedNotDropped() {
        SIPDispatchRuleInfo tags = SIPDispatchRuleInfo.newBuilder()
                .setRoomConfig(livekit.LivekitRoom.RoomConfiguration.newBuilder().putTags("team", "a")).build();
        SIPDispatchRuleInfo restart = SIPDispatchRuleInfo.newBuilder()
                .setRoomConfig(livekit.LivekitRoom.RoomConfiguration.newBuilder()
                        .addAgents(livekit.LivekitAgentDispatch.RoomAgentDispatch.newBuilder().setAgentName("a"))
                        .addAgents(livekit.LivekitAgentDispatch.RoomAgentDispatch.newBuilder().setAgentName("b")
                                .setRestartPolicy(JobRestartPolicy.JRP_NEVER)))
                .build();

        assertEquals("room_config.tags",
                assertThrows(InvalidFieldException.class, () -> DispatchRuleMapper.toModel(tags)).field());
        assertEquals("room_config.agents[1].restart_policy",
                assertThrows(InvalidFieldException.class, () -> DispatchRuleMapper.toModel(restart)).field());
    }
}
