package io.switchboard.trunk.match;

import static io.switchboard.trunk.match.Fixtures.CALLER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER;
import static io.switchboard.trunk.match.Fixtures.TWILIO_IP;
import static io.switchboard.trunk.match.Fixtures.direct;
import static io.switchboard.trunk.match.Fixtures.rule;
import static io.switchboard.trunk.match.Fixtures.twilio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.MediaEncryption;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DispatchEvaluatorTest {
    static final InboundTrunk TRUNK = twilio("ST_twilio").numbers(OUR_NUMBER).build();
    static final InboundCall CALL =
            new InboundCall(OUR_NUMBER, CALLER, InetAddress.ofLiteral(TWILIO_IP), "54.172.60.1");

    private final DispatchEvaluator evaluator = new DispatchEvaluator(new ScriptedRandom());

    static RoomRule roomRule(String kind, String prefix, boolean flag) {
        return switch (kind) {
            case "direct" -> new RoomRule.Direct(prefix, "");
            case "individual" -> new RoomRule.Individual(prefix, "", flag);
            case "callee" -> new RoomRule.Callee(prefix, "", flag);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}({1}, {2}) hide={3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // kind     | prefix/room | flag  | hide  | room
            "direct     | support     | false | false | support",
            "individual | call-       | false | false | call-_+14155550123_23456789ABCD",
            "individual | call-       | true  | false | call-_+14155550123",
            "individual | ''          | false | false | +14155550123_23456789ABCD",
            "individual | ''          | true  | false | +14155550123",
            "individual | call        | true  | true  | call_0123",
            "callee     | line        | false | false | line_+15105550100",
            "callee     | line        | true  | false | line_+15105550100_23456789ABCD",
            "callee     | ''          | false | false | +15105550100",
            "callee     | ''          | false | true  | +15105550100",
    })
    void namesRoomsExactlyAsLiveKit(String kind, String prefix, boolean flag, boolean hide, String room) {
        DispatchRule rule = rule("SDR_1", roomRule(kind, prefix, flag)).hidePhoneNumber(hide).build();
        Dispatch.Route route = assertInstanceOf(Dispatch.Route.class,
                evaluator.evaluate(TRUNK, rule, CALL, PinEntry.notAsked()));
        assertEquals(room, route.roomName());
    }

    @Test
    void randomSuffixComesFromTheInjectedGenerator() {
        DispatchEvaluator seeded = new DispatchEvaluator(new SplittableRandom(7));
        DispatchRule rule = rule("SDR_1", Fixtures.individual("call")).build();
        String first = ((Dispatch.Route) seeded.evaluate(TRUNK, rule, CALL, PinEntry.notAsked())).roomName();
        String second = ((Dispatch.Route) seeded.evaluate(TRUNK, rule, CALL, PinEntry.notAsked())).roomName();
        assertTrue(first.matches("call_\\+14155550123_[2-9A-HJ-NP-Za-km-z]{12}"), first);
        assertNotEquals(first, second);
        String replay = ((Dispatch.Route) new DispatchEvaluator(new SplittableRandom(7))
                .evaluate(TRUNK, rule, CALL, PinEntry.notAsked())).roomName();
        assertEquals(first, replay);
    }

    @Test
    void participantCarriesTheCallerAndLiveKitAttributes() {
        DispatchRule rule = rule("SDR_1", direct("support")).metadata("{\"tier\":\"gold\"}")
                .attributes(Map.of("customer", "acme", "sip.trunkID", "spoofed")).build();
        Dispatch.Route route = (Dispatch.Route) evaluator.evaluate(TRUNK, rule, CALL, PinEntry.notAsked());
        assertEquals("sip_+14155550123", route.participant().identity());
        assertEquals("Phone +14155550123", route.participant().name());
        assertEquals("{\"tier\":\"gold\"}", route.participant().metadata());
        assertEquals(Map.of(
                "customer", "acme",
                "sip.trunkID", "ST_twilio",
                "sip.ruleID", "SDR_1",
                "sip.phoneNumber", "+14155550123",
                "sip.hostname", "54.172.60.1",
                "sip.trunkPhoneNumber", "+15105550100"), route.participant().attributes());
        assertEquals("ST_twilio", route.trunkId());
        assertEquals("SDR_1", route.ruleId());
    }

    @ParameterizedTest(name = "hidden {0} -> {1}, Phone {2}")
    @CsvSource(delimiter = '|', value = {
            // identity = sip_ + hex(sha256(number)[0:8]); sha256("123") = a665a459 20422f9d ...
            "+14155550123 | sip_36a2cef4ff9bf7a1 | 0123",
            "14155550123  | sip_413ba75461ab5f99 | 0123",
            "123          | sip_a665a45920422f9d | 3",
    })
    void hidesThePhoneNumber(String caller, String identity, String shown) {
        DispatchRule rule = rule("SDR_1", direct("support")).hidePhoneNumber(true).build();
        InboundCall call = new InboundCall(OUR_NUMBER, caller, InetAddress.ofLiteral(TWILIO_IP), "pstn.example");
        Dispatch.Route route = (Dispatch.Route) evaluator.evaluate(TRUNK, rule, call, PinEntry.notAsked());
        assertEquals(identity, route.participant().identity());
        assertEquals("Phone " + shown, route.participant().name());
        Map<String, String> attrs = route.participant().attributes();
        assertFalse(attrs.containsKey(SipAttributes.PHONE_NUMBER));
        assertFalse(attrs.containsKey(SipAttributes.HOSTNAME));
        assertFalse(attrs.containsKey(SipAttributes.TRUNK_PHONE_NUMBER));
        assertEquals("ST_twilio", attrs.get(SipAttributes.TRUNK_ID));
    }

    @Test
    void pinFlow() {
        DispatchRule locked = rule("SDR_pin", direct("board", "4321")).build();
        Dispatch.RequestPin ask = assertInstanceOf(Dispatch.RequestPin.class,
                evaluator.evaluate(TRUNK, locked, CALL, PinEntry.notAsked()));
        assertEquals("ST_twilio", ask.trunkId());
        assertEquals("SDR_pin", ask.ruleId());
        assertEquals(new Dispatch.WrongPin("ST_twilio", "SDR_pin"), evaluator.evaluate(TRUNK, locked, CALL, PinEntry.entered("1234")));
        assertEquals(new Dispatch.WrongPin("ST_twilio", "SDR_pin"), evaluator.evaluate(TRUNK, locked, CALL, PinEntry.entered("")));
        Dispatch.Route in = assertInstanceOf(Dispatch.Route.class, evaluator.evaluate(TRUNK, locked, CALL, PinEntry.entered("4321")));
        assertEquals("board", in.roomName());
    }

    @Test
    void aKeyPressedForAnOpenRoomIsIgnored() {
        DispatchRule open = rule("SDR_1", direct("lobby")).build();
        assertEquals("lobby", ((Dispatch.Route) evaluator.evaluate(TRUNK, open, CALL, PinEntry.entered("5"))).roomName());
    }

    @Test
    void passesRoomConfigurationAndPresetThrough() {
        RoomConfiguration config = RoomConfiguration.builder().name("cfg").emptyTimeout(300).maxParticipants(3)
                .agents(java.util.List.of(new RoomAgentDispatch("inbound-agent", "{\"lang\":\"en\"}", Map.of("team", "sales"))))
                .egressJson("{\"room\":{\"file_outputs\":[{\"filepath\":\"calls/{room_name}.ogg\"}]}}").build();
        DispatchRule rule = rule("SDR_1", Fixtures.individual("call")).roomPreset("voice").roomConfig(config).build();
        Dispatch.Route route = (Dispatch.Route) evaluator.evaluate(TRUNK, rule, CALL, PinEntry.notAsked());
        assertSame(config, route.roomConfig());
        assertEquals("voice", route.roomPreset());
    }

    @ParameterizedTest(name = "trunk {0} + rule {1} = {2}")
    @CsvSource({
            "DISABLE, DISABLE, DISABLE",
            "ALLOW,   DISABLE, ALLOW",
            "ALLOW,   REQUIRE, REQUIRE",
            "REQUIRE, ALLOW,   ALLOW",
            "DISABLE, REQUIRE, REQUIRE",
    })
    void ruleEncryptionOverridesTrunkUnlessUnset(MediaEncryption trunkEnc, MediaEncryption ruleEnc, MediaEncryption expected) {
        InboundTrunk trunk = TRUNK.toBuilder().mediaEncryption(trunkEnc).build();
        DispatchRule rule = rule("SDR_1", direct("r")).mediaEncryption(ruleEnc).build();
        Dispatch.Route route = (Dispatch.Route) evaluator.evaluate(trunk, rule, CALL, PinEntry.notAsked());
        assertEquals(expected, route.options().mediaEncryption());
    }

    @Test
    void callOptionsComeFromTheTrunk() {
        InboundTrunk trunk = TRUNK.toBuilder().headers(Map.of("X-Served-By", "switchboard"))
                .headersToAttributes(Map.of("X-Customer", "customer")).attributesToHeaders(Map.of("outcome", "X-Outcome"))
                .includeHeaders(IncludeHeaders.X_HEADERS).ringingTimeout(Duration.ofSeconds(30))
                .maxCallDuration(Duration.ofHours(1)).krispEnabled(false).build();
        DispatchRule rule = rule("SDR_1", direct("r")).krispEnabled(true).build();
        CallOptions o = ((Dispatch.Route) evaluator.evaluate(trunk, rule, CALL, PinEntry.notAsked())).options();
        assertEquals(new CallOptions(Map.of("X-Served-By", "switchboard"), Map.of("X-Customer", "customer"),
                Map.of("outcome", "X-Outcome"), IncludeHeaders.X_HEADERS, Duration.ofSeconds(30), Duration.ofHours(1),
                true, MediaEncryption.DISABLE), o);
    }

    @Test
    void withoutATrunkTheRuleAloneDecides() {
        DispatchRule rule = rule("SDR_1", direct("r")).mediaEncryption(MediaEncryption.ALLOW).build();
        Dispatch.Route route = (Dispatch.Route) evaluator.evaluate(null, rule, CALL, PinEntry.notAsked());
        assertEquals("", route.trunkId());
        assertEquals("", route.participant().attributes().get(SipAttributes.TRUNK_ID));
        assertEquals(MediaEncryption.ALLOW, route.options().mediaEncryption());
        assertNull(route.options().ringingTimeout());
        assertEquals(Map.of(), route.options().headers());
    }
}
