package io.switchboard.trunk.match;

import static io.switchboard.trunk.match.Fixtures.CALLER;
import static io.switchboard.trunk.match.Fixtures.CALLER_2;
import static io.switchboard.trunk.match.Fixtures.OTHER_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER_TELNYX;
import static io.switchboard.trunk.match.Fixtures.STRANGER_IP;
import static io.switchboard.trunk.match.Fixtures.TELNYX_IP;
import static io.switchboard.trunk.match.Fixtures.TWILIO_IP;
import static io.switchboard.trunk.match.Fixtures.TWILIO_IP_2;
import static io.switchboard.trunk.match.Fixtures.call;
import static io.switchboard.trunk.match.Fixtures.telnyx;
import static io.switchboard.trunk.match.Fixtures.trunk;
import static io.switchboard.trunk.match.Fixtures.twilio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.InboundTrunk;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrunkMatcherTest {

    /** "ST_a" = matched that trunk, "none" / "none-defined" = no trunk, "conflict:ST_a,ST_b" = conflict. */
    static Stream<Arguments> cases() {
        InboundTrunk twilioOurs = twilio("ST_twilio").numbers(OUR_NUMBER).build();
        InboundTrunk telnyxOurs = telnyx("ST_telnyx").numbers(OUR_NUMBER_TELNYX).build();
        InboundTrunk wildcardTwilio = twilio("ST_any").build();
        InboundTrunk vip = trunk("ST_vip").numbers(OUR_NUMBER).allowedNumbers(CALLER).build();
        InboundTrunk open = trunk("ST_open").numbers(OUR_NUMBER).build();
        return Stream.of(
                Arguments.of("no trunks at all", List.of(), call(OUR_NUMBER, CALLER, TWILIO_IP), "none-defined"),
                Arguments.of("Twilio number from Twilio block",
                        List.of(twilioOurs), call(OUR_NUMBER, CALLER, TWILIO_IP), "ST_twilio"),
                Arguments.of("second Twilio block",
                        List.of(twilioOurs), call(OUR_NUMBER, CALLER, TWILIO_IP_2), "ST_twilio"),
                Arguments.of("Twilio trunk refuses a stranger's source",
                        List.of(twilioOurs), call(OUR_NUMBER, CALLER, STRANGER_IP), "none"),
                Arguments.of("Twilio trunk, Telnyx-style number without +",
                        List.of(twilioOurs), call(OUR_NUMBER_TELNYX, CALLER, TWILIO_IP), "ST_twilio"),
                Arguments.of("Telnyx trunk stored without +, Twilio-style call with +",
                        List.of(telnyxOurs), call(OUR_NUMBER, CALLER, TELNYX_IP), "ST_telnyx"),
                Arguments.of("same number from two carriers: source decides (Twilio)",
                        List.of(twilioOurs, telnyxOurs), call(OUR_NUMBER, CALLER, TWILIO_IP), "ST_twilio"),
                Arguments.of("same number from two carriers: source decides (Telnyx)",
                        List.of(twilioOurs, telnyxOurs), call(OUR_NUMBER_TELNYX, CALLER, TELNYX_IP), "ST_telnyx"),
                Arguments.of("wrong called number",
                        List.of(twilioOurs), call(OTHER_NUMBER, CALLER, TWILIO_IP), "none"),
                Arguments.of("specific number beats wildcard",
                        List.of(wildcardTwilio, twilioOurs), call(OUR_NUMBER, CALLER, TWILIO_IP), "ST_twilio"),
                Arguments.of("wildcard takes the other numbers",
                        List.of(wildcardTwilio, twilioOurs), call(OTHER_NUMBER, CALLER, TWILIO_IP), "ST_any"),
                Arguments.of("allowed caller admitted", List.of(vip), call(OUR_NUMBER, CALLER, STRANGER_IP), "ST_vip"),
                Arguments.of("other caller refused", List.of(vip), call(OUR_NUMBER, CALLER_2, STRANGER_IP), "none"),
                Arguments.of("allowed caller written without +",
                        List.of(trunk("ST_v").numbers(OUR_NUMBER).allowedNumbers("14155550123").build()),
                        call(OUR_NUMBER, CALLER, STRANGER_IP), "ST_v"),
                Arguments.of("caller-specific trunk beats any-caller trunk (LiveKit: conflict)",
                        List.of(open, vip), call(OUR_NUMBER, CALLER, STRANGER_IP), "ST_vip"),
                Arguments.of("any-caller trunk takes the other callers",
                        List.of(open, vip), call(OUR_NUMBER, CALLER_2, STRANGER_IP), "ST_open"),
                Arguments.of("number-specific beats caller-specific wildcard",
                        List.of(trunk("ST_wc").allowedNumbers(CALLER).build(), open),
                        call(OUR_NUMBER, CALLER, STRANGER_IP), "ST_open"),
                Arguments.of("two trunks for the same number from anywhere",
                        List.of(open, trunk("ST_dup").numbers(OUR_NUMBER_TELNYX).build()),
                        call(OUR_NUMBER, CALLER, STRANGER_IP), "conflict:ST_dup,ST_open"),
                Arguments.of("two wildcard trunks",
                        List.of(trunk("ST_w1").authUsername("u").authPassword("p").build(),
                                trunk("ST_w2").authUsername("v").authPassword("q").build()),
                        call(OUR_NUMBER, CALLER, STRANGER_IP), "conflict:ST_w1,ST_w2"),
                Arguments.of("a specific match hides a wildcard conflict",
                        List.of(trunk("ST_w1").build(), trunk("ST_w2").build(), open),
                        call(OUR_NUMBER, CALLER, STRANGER_IP), "ST_open"),
                Arguments.of("same trunk lists the number in both forms: no self-conflict",
                        List.of(trunk("ST_both").numbers(OUR_NUMBER, OUR_NUMBER_TELNYX).build()),
                        call(OUR_NUMBER_TELNYX, CALLER, STRANGER_IP), "ST_both"),
                Arguments.of("SIP user instead of a number",
                        List.of(trunk("ST_pbx").numbers("reception").allowedAddresses("10.1.0.0/16").build()),
                        call("reception", "alice", "10.1.2.3"), "ST_pbx"),
                Arguments.of("IPv6 carrier block",
                        List.of(trunk("ST_v6").numbers(OUR_NUMBER).allowedAddresses("2001:db8:10::/48").build()),
                        call(OUR_NUMBER, CALLER, "2001:db8:10::7"), "ST_v6"),
                Arguments.of("IPv6 source outside the block",
                        List.of(trunk("ST_v6").numbers(OUR_NUMBER).allowedAddresses("2001:db8:10::/48").build()),
                        call(OUR_NUMBER, CALLER, "2001:db8:11::7"), "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesLikeLiveKit(String name, List<InboundTrunk> trunks, InboundCall call, String expected) {
        assertEquals(expected, describe(TrunkMatcher.match(trunks, call)));
    }

    @Test
    void hostnameEntriesMatchTheFromHost() {
        InboundTrunk byHost = trunk("ST_h").numbers(OUR_NUMBER).allowedAddresses("10.10.10.0/24", "sip.example.com").build();
        InetAddress elsewhere = InetAddress.ofLiteral("1.1.1.1");
        assertEquals("ST_h", describe(TrunkMatcher.match(List.of(byHost),
                new InboundCall(OUR_NUMBER, CALLER, elsewhere, "sip.example.com"))));
        assertEquals("none", describe(TrunkMatcher.match(List.of(byHost),
                new InboundCall(OUR_NUMBER, CALLER, elsewhere, "other.example.com"))));
    }

    @Test
    void reportsWhetherAnyTrunkExists() {
        TrunkMatch none = TrunkMatcher.match(List.of(), call(OUR_NUMBER, CALLER, TWILIO_IP));
        TrunkMatch miss = TrunkMatcher.match(List.of(twilio("ST_t").numbers(OUR_NUMBER).build()),
                call(OUR_NUMBER, CALLER, STRANGER_IP));
        assertFalse(none.anyTrunkDefined());
        assertTrue(miss.anyTrunkDefined());
        assertTrue(miss.matchedTrunk().isEmpty());
    }

    static String describe(TrunkMatch match) {
        return switch (match) {
            case TrunkMatch.Matched(InboundTrunk t) -> t.id();
            case TrunkMatch.NoTrunk(boolean any) -> any ? "none" : "none-defined";
            case TrunkMatch.Conflict(List<InboundTrunk> ts) ->
                    "conflict:" + String.join(",", ts.stream().map(InboundTrunk::id).toList());
        };
    }
}
