package io.switchboard.trunk.match;

import static io.switchboard.trunk.match.Fixtures.CALLER;
import static io.switchboard.trunk.match.Fixtures.CALLER_2;
import static io.switchboard.trunk.match.Fixtures.OTHER_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER;
import static io.switchboard.trunk.match.Fixtures.TWILIO_IP;
import static io.switchboard.trunk.match.Fixtures.call;
import static io.switchboard.trunk.match.Fixtures.callee;
import static io.switchboard.trunk.match.Fixtures.direct;
import static io.switchboard.trunk.match.Fixtures.individual;
import static io.switchboard.trunk.match.Fixtures.rule;
import static io.switchboard.trunk.match.Fixtures.twilio;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DispatchRuleSelectorTest {
    static final InboundTrunk TRUNK = twilio("ST_aaa").numbers(OUR_NUMBER).build();
    static final InboundCall CALL = call(OUR_NUMBER, CALLER, TWILIO_IP);
    static final PinEntry NOT_ASKED = PinEntry.notAsked();

    static Arguments c(String name, InboundTrunk trunk, List<DispatchRule> rules, PinEntry pin, String expected) {
        return Arguments.of(name, trunk, rules, pin, expected);
    }

    /** Expected: a rule id, "none", or "conflict:ids". Cases follow livekit/protocol sip_test.go. */
    static Stream<Arguments> cases() {
        return Stream.of(
                c("no rules, no trunk", null, List.of(), NOT_ASKED, "none"),
                c("no rules, trunk", TRUNK, List.of(), NOT_ASKED, "none"),
                c("generic rule works without a trunk", null,
                        List.of(rule("r0", direct("sip")).build()), NOT_ASKED, "r0"),
                c("generic rule works with a trunk", TRUNK,
                        List.of(rule("r0", direct("sip")).build()), NOT_ASKED, "r0"),
                c("rule for the trunk", TRUNK,
                        List.of(rule("r0", direct("sip")).trunkIds("ST_aaa", "ST_bbb").build()), NOT_ASKED, "r0"),
                c("rule for another trunk is not used", TRUNK,
                        List.of(rule("r0", direct("sip")).trunkIds("ST_zzz").build()), NOT_ASKED, "none"),
                c("trunk-specific rule needs a matched trunk", null,
                        List.of(rule("r0", direct("sip")).trunkIds("ST_aaa").build()), NOT_ASKED, "none"),
                c("PIN rule selected before a PIN is asked", TRUNK,
                        List.of(rule("r0", direct("sip", "123")).trunkIds("ST_aaa").build(),
                                rule("r1", direct("sip", "456")).trunkIds("ST_bbb").build()), NOT_ASKED, "r0"),
                c("right PIN", TRUNK,
                        List.of(rule("r0", direct("sip", "123")).trunkIds("ST_aaa").build(),
                                rule("r1", direct("sip", "456")).trunkIds("ST_bbb").build()), PinEntry.entered("123"), "r0"),
                c("wrong PIN matches nothing", TRUNK,
                        List.of(rule("r0", direct("sip", "123")).trunkIds("ST_aaa").build(),
                                rule("r1", direct("sip", "456")).trunkIds("ST_bbb").build()), PinEntry.entered("999"), "none"),
                c("a PIN never falls back to open rules", TRUNK,
                        List.of(rule("r0", direct("open")).build()), PinEntry.entered("123"), "none"),
                c("# alone picks only open rules", TRUNK,
                        List.of(rule("r0", direct("locked", "123")).build(),
                                rule("r1", direct("lobby")).inboundNumbers(CALLER).build()), PinEntry.entered(""), "r1"),
                c("same PIN on two rules of the trunk conflicts", TRUNK,
                        List.of(rule("r0", direct("sip1", "123")).trunkIds("ST_aaa").build(),
                                rule("r1", direct("sip2", "123")).trunkIds("ST_aaa", "ST_bbb").build()),
                        PinEntry.entered("123"), "conflict:r0,r1"),
                c("same PIN on different trunks is fine", TRUNK,
                        List.of(rule("r0", direct("sip1", "123")).trunkIds("ST_aaa").build(),
                                rule("r1", direct("sip2", "123")).trunkIds("ST_bbb").build()),
                        PinEntry.entered("123"), "r0"),
                c("specific beats generic (PIN)", TRUNK,
                        List.of(rule("r0", direct("sip1", "123")).build(),
                                rule("r1", direct("sip2", "123")).trunkIds("ST_aaa").build()),
                        PinEntry.entered("123"), "r1"),
                c("specific beats generic (open)", TRUNK,
                        List.of(rule("r0", direct("sip1")).build(),
                                rule("r1", direct("sip2")).trunkIds("ST_aaa").build()), NOT_ASKED, "r1"),
                c("specific open beats generic PIN", TRUNK,
                        List.of(rule("r0", direct("sip1", "123")).build(),
                                rule("r1", direct("sip2")).trunkIds("ST_aaa").build()), NOT_ASKED, "r1"),
                c("specific PIN beats generic open", TRUNK,
                        List.of(rule("r0", direct("sip1")).build(),
                                rule("r1", direct("sip2", "123")).trunkIds("ST_aaa").build()), NOT_ASKED, "r1"),
                c("two generic open rules conflict", TRUNK,
                        List.of(rule("r0", direct("sip1")).build(), rule("r1", direct("sip2")).build()),
                        NOT_ASKED, "conflict:r0,r1"),
                c("direct and individual, both open, conflict", TRUNK,
                        List.of(rule("r0", individual("pref")).build(), rule("r1", direct("sip")).build()),
                        NOT_ASKED, "conflict:r1,r0"),
                c("PIN rule outranks open rule before asking", TRUNK,
                        List.of(rule("r0", direct("open")).build(), rule("r1", direct("locked", "123")).build()),
                        NOT_ASKED, "r1"),
                c("direct outranks individual with different PINs", TRUNK,
                        List.of(rule("r0", individual("pref", "123")).build(), rule("r1", direct("sip", "456")).build()),
                        NOT_ASKED, "r1"),
                c("the PIN chooses between them", TRUNK,
                        List.of(rule("r0", individual("pref", "123")).build(), rule("r1", direct("sip", "456")).build()),
                        PinEntry.entered("123"), "r0"),
                c("rule for this caller beats rule for anyone", TRUNK,
                        List.of(rule("r0", direct("sip1")).build(),
                                rule("r1", direct("sip2")).inboundNumbers(CALLER).build()), NOT_ASKED, "r1"),
                c("rule for another caller is skipped", TRUNK,
                        List.of(rule("r0", direct("sip1")).build(),
                                rule("r1", direct("sip2")).inboundNumbers(CALLER_2).build()), NOT_ASKED, "r0"),
                c("caller rules sharing the caller conflict", TRUNK,
                        List.of(rule("r0", direct("sip1")).inboundNumbers(CALLER).build(),
                                rule("r1", direct("sip2")).inboundNumbers(CALLER, CALLER_2).build()),
                        NOT_ASKED, "conflict:r0,r1"),
                c("personal room: open for the owner", TRUNK,
                        List.of(rule("r0", direct("sip1", "123")).build(),
                                rule("r1", direct("sip2")).inboundNumbers(CALLER).build()), NOT_ASKED, "r1"),
                c("personal room: PIN for everyone else", TRUNK,
                        List.of(rule("r0", direct("sip1", "123")).build(),
                                rule("r1", direct("sip2")).inboundNumbers(CALLER_2).build()), NOT_ASKED, "r0"),
                c("rule for the called number beats rule for any number", TRUNK,
                        List.of(rule("r0", direct("sip_1")).build(),
                                rule("r1", direct("sip_2")).numbers(OUR_NUMBER).build()), NOT_ASKED, "r1"),
                c("rule for another number is skipped", TRUNK,
                        List.of(rule("r0", direct("sip_1")).build(),
                                rule("r1", direct("sip_2")).numbers(OTHER_NUMBER).build()), NOT_ASKED, "r0"),
                c("numbers compare normalised (Telnyx rule, Twilio call)", TRUNK,
                        List.of(rule("r0", direct("sip_1")).build(),
                                rule("r1", direct("sip_2")).numbers("15105550100").build()), NOT_ASKED, "r1"),
                c("number rules sharing a number conflict", TRUNK,
                        List.of(rule("r0", direct("sip_1")).numbers(OUR_NUMBER).build(),
                                rule("r1", direct("sip_2")).numbers(OUR_NUMBER, OTHER_NUMBER).build()),
                        NOT_ASKED, "conflict:r0,r1"),
                c("number + caller rule beats number-only rule", TRUNK,
                        List.of(rule("r0", direct("sip_1")).numbers(OUR_NUMBER).build(),
                                rule("r1", direct("sip_2")).numbers(OUR_NUMBER).inboundNumbers(CALLER).build()),
                        NOT_ASKED, "r1"),
                c("equal priority, different keys: room name decides as LiveKit", TRUNK,
                        List.of(rule("r0", direct("zeta")).numbers(OUR_NUMBER).build(),
                                rule("r1", direct("alpha")).inboundNumbers(CALLER).build()), NOT_ASKED, "r1"),
                c("callee rule", TRUNK, List.of(rule("r0", callee("line")).build()), NOT_ASKED, "r0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void selectsLikeLiveKit(String name, InboundTrunk trunk, List<DispatchRule> rules, PinEntry pin, String expected) {
        assertEquals(expected, describe(DispatchRuleSelector.select(trunk, rules, CALL, pin)));
    }

    @Test
    void prioritiesFollowLiveKit() {
        assertEquals(0 + 2000, DispatchRuleSelector.priority(rule("a", direct("r", "1")).build()));
        assertEquals(1 + 2000, DispatchRuleSelector.priority(rule("a", individual("p", "1")).build()));
        assertEquals(2 + 2000, DispatchRuleSelector.priority(rule("a", new RoomRule.Callee("p", "1", false)).build()));
        assertEquals(100 + 1000, DispatchRuleSelector.priority(rule("a", direct("r")).numbers(OUR_NUMBER).build()));
        assertEquals(101 + 1000, DispatchRuleSelector.priority(rule("a", individual("p")).inboundNumbers(CALLER).build()));
        assertEquals(102, DispatchRuleSelector.priority(
                rule("a", callee("p")).numbers(OUR_NUMBER).inboundNumbers(CALLER).build()));
    }

    static String describe(RuleSelection selection) {
        return switch (selection) {
            case RuleSelection.Selected(DispatchRule r) -> r.id();
            case RuleSelection.NoRule n -> "none";
            case RuleSelection.Conflict(List<DispatchRule> rs) ->
                    "conflict:" + String.join(",", rs.stream().map(DispatchRule::id).toList());
        };
    }
}
