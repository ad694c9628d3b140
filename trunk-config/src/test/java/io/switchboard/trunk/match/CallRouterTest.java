package io.switchboard.trunk.match;

import static io.switchboard.trunk.match.Fixtures.CALLER;
import static io.switchboard.trunk.match.Fixtures.CALLER_2;
import static io.switchboard.trunk.match.Fixtures.OTHER_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER_TELNYX;
import static io.switchboard.trunk.match.Fixtures.STRANGER_IP;
import static io.switchboard.trunk.match.Fixtures.TELNYX_IP;
import static io.switchboard.trunk.match.Fixtures.TWILIO_IP;
import static io.switchboard.trunk.match.Fixtures.call;
import static io.switchboard.trunk.match.Fixtures.direct;
import static io.switchboard.trunk.match.Fixtures.individual;
import static io.switchboard.trunk.match.Fixtures.rule;
import static io.switchboard.trunk.match.Fixtures.telnyx;
import static io.switchboard.trunk.match.Fixtures.trunk;
import static io.switchboard.trunk.match.Fixtures.twilio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomAgentDispatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallRouterTest {
    private final CallRouter router = new CallRouter(new DispatchEvaluator(new ScriptedRandom()));

    private final List<InboundTrunk> trunks = List.of(
            twilio("ST_twilio").numbers(OUR_NUMBER).build(),
            telnyx("ST_telnyx").numbers(OUR_NUMBER_TELNYX).build());

    private final List<DispatchRule> rules = List.of(
            rule("SDR_agent", individual("call")).trunkIds("ST_twilio")
                    .roomConfig(RoomConfiguration.withAgents(new RoomAgentDispatch("receptionist"))).build(),
            rule("SDR_board", direct("board", "2468")).trunkIds("ST_telnyx").build());

    @Test
    void twilioCallGoesToAnAgentRoomOfItsOwn() {
        Dispatch.Route route = assertInstanceOf(Dispatch.Route.class,
                router.route(trunks, rules, call(OUR_NUMBER, CALLER, TWILIO_IP), PinEntry.notAsked()));
        assertEquals("call_+14155550123_23456789ABCD", route.roomName());
        assertEquals("sip_+14155550123", route.participant().identity());
        assertEquals("ST_twilio", route.trunkId());
        assertEquals("receptionist", route.roomConfig().agents().getFirst().agentName());
    }

    @Test
    void telnyxCallIsAskedForThePinThenAdmitted() {
        InboundCall call = call(OUR_NUMBER_TELNYX, CALLER, TELNYX_IP);
        RoutingDecision first = router.route(trunks, rules, call, PinEntry.notAsked());
        assertEquals("SDR_board", assertInstanceOf(Dispatch.RequestPin.class, first).ruleId());

        RoutingDecision wrong = router.route(trunks, rules, call, PinEntry.entered("1357"));
        assertEquals(new Dispatch.WrongPin("ST_telnyx", ""), wrong);

        RoutingDecision hashOnly = router.route(trunks, rules, call, PinEntry.entered(""));
        assertInstanceOf(Dispatch.WrongPin.class, hashOnly);

        Dispatch.Route right = assertInstanceOf(Dispatch.Route.class, router.route(trunks, rules, call, PinEntry.entered("2468")));
        assertEquals("board", right.roomName());
    }

    @Test
    void callFromAnUnknownSourceWithOnlyTrunkRulesIsRejected() {
        RoutingDecision.Rejected rejected = assertInstanceOf(RoutingDecision.Rejected.class,
                router.route(trunks, rules, call(OUR_NUMBER, CALLER, STRANGER_IP), PinEntry.notAsked()));
        assertEquals(RoutingDecision.Reason.NO_RULE, rejected.reason());
        assertTrue(rejected.trunkMatch().anyTrunkDefined());
        assertEquals("No SIP Trunk or Dispatch Rules matched for \"+15105550100\"", rejected.message());
    }

    @Test
    void aGenericRuleStillRoutesCallsThatMatchedNoTrunkAsInLiveKit() {
        List<DispatchRule> withCatchAll = List.of(rules.get(0), rule("SDR_all", direct("overflow")).build());
        Dispatch.Route route = assertInstanceOf(Dispatch.Route.class,
                router.route(trunks, withCatchAll, call(OTHER_NUMBER, CALLER, STRANGER_IP), PinEntry.notAsked()));
        assertEquals("overflow", route.roomName());
        assertEquals("", route.trunkId());
    }

    @Test
    void noTrunksAndNoRules() {
        RoutingDecision.Rejected rejected = assertInstanceOf(RoutingDecision.Rejected.class,
                router.route(List.of(), List.of(), call(OUR_NUMBER, CALLER, TWILIO_IP), PinEntry.notAsked()));
        assertFalse(rejected.trunkMatch().anyTrunkDefined());
        assertEquals(RoutingDecision.Reason.NO_RULE, rejected.reason());
    }

    @Test
    void matchedTrunkWithoutRule() {
        RoutingDecision.Rejected rejected = assertInstanceOf(RoutingDecision.Rejected.class,
                router.route(trunks, List.of(), call(OUR_NUMBER, CALLER, TWILIO_IP), PinEntry.notAsked()));
        assertEquals("No SIP Dispatch Rules matched for \"+15105550100\" on trunk ST_twilio", rejected.message());
    }

    @Test
    void ambiguousTrunksAreRejectedNamingThem() {
        List<InboundTrunk> clash = List.of(trunk("ST_a").numbers(OUR_NUMBER).build(), trunk("ST_b").numbers(OUR_NUMBER).build());
        RoutingDecision.Rejected rejected = assertInstanceOf(RoutingDecision.Rejected.class,
                router.route(clash, rules, call(OUR_NUMBER, CALLER_2, STRANGER_IP), PinEntry.notAsked()));
        assertEquals(RoutingDecision.Reason.TRUNK_CONFLICT, rejected.reason());
        assertEquals("Multiple SIP Trunks matched for \"+15105550100\": ST_a, ST_b", rejected.message());
    }

    @Test
    void ambiguousRulesAreRejectedNamingThem() {
        List<DispatchRule> clash = List.of(rule("SDR_x", direct("x")).build(), rule("SDR_y", direct("y")).build());
        RoutingDecision.Rejected rejected = assertInstanceOf(RoutingDecision.Rejected.class,
                router.route(trunks, clash, call(OUR_NUMBER, CALLER, TWILIO_IP), PinEntry.notAsked()));
        assertEquals(RoutingDecision.Reason.RULE_CONFLICT, rejected.reason());
        assertEquals("Multiple SIP Dispatch Rules matched for \"+15105550100\": SDR_x, SDR_y", rejected.message());
    }
}
