package io.switchboard.trunk.match;

import static io.switchboard.trunk.match.Fixtures.CALLER;
import static io.switchboard.trunk.match.Fixtures.CALLER_2;
import static io.switchboard.trunk.match.Fixtures.OTHER_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER;
import static io.switchboard.trunk.match.Fixtures.callee;
import static io.switchboard.trunk.match.Fixtures.direct;
import static io.switchboard.trunk.match.Fixtures.individual;
import static io.switchboard.trunk.match.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleConflictsTest {

    static Stream<Arguments> cases() {
        DispatchRule generic = rule("SDR_generic", direct("lobby")).build();
        DispatchRule twilioPin = rule("SDR_pin", direct("board", "123")).trunkIds("ST_twilio").build();
        DispatchRule sales = rule("SDR_sales", individual("sales")).numbers(OUR_NUMBER).build();
        DispatchRule vip = rule("SDR_vip", direct("vip")).inboundNumbers(CALLER).build();
        return Stream.of(
                Arguments.of("two open rules for every trunk", List.of(generic), rule("", individual("call")).build(),
                        List.of("SDR_generic")),
                Arguments.of("callee vs direct, both catch-all", List.of(generic), rule("", callee("line")).build(),
                        List.of("SDR_generic")),
                Arguments.of("catch-all with a PIN is a different key", List.of(generic),
                        rule("", direct("locked", "9")).build(), List.of()),
                Arguments.of("same trunk, same PIN", List.of(twilioPin),
                        rule("", direct("other", "123")).trunkIds("ST_telnyx", "ST_twilio").build(), List.of("SDR_pin")),
                Arguments.of("same trunk, other PIN", List.of(twilioPin),
                        rule("", direct("other", "456")).trunkIds("ST_twilio").build(), List.of()),
                Arguments.of("same PIN, other trunk", List.of(twilioPin),
                        rule("", direct("other", "123")).trunkIds("ST_telnyx").build(), List.of()),
                Arguments.of("same PIN, every trunk vs one trunk", List.of(twilioPin),
                        rule("", direct("other", "123")).build(), List.of()),
                Arguments.of("same called number, written without +", List.of(sales),
                        rule("", direct("x")).numbers("15105550100").build(), List.of("SDR_sales")),
                Arguments.of("other called number", List.of(sales),
                        rule("", direct("x")).numbers(OTHER_NUMBER).build(), List.of()),
                Arguments.of("called-number rule vs catch-all", List.of(generic),
                        rule("", direct("x")).numbers(OUR_NUMBER).build(), List.of()),
                Arguments.of("same caller", List.of(vip),
                        rule("", direct("x")).inboundNumbers(CALLER_2, "1 415 555 0123").build(), List.of("SDR_vip")),
                Arguments.of("other caller", List.of(vip),
                        rule("", direct("x")).inboundNumbers(CALLER_2).build(), List.of()),
                Arguments.of("caller + number vs caller only", List.of(vip),
                        rule("", direct("x")).inboundNumbers(CALLER).numbers(OUR_NUMBER).build(), List.of()),
                Arguments.of("updating a rule does not conflict with itself", List.of(generic),
                        generic.toBuilder().name("renamed").build(), List.of()),
                Arguments.of("every clashing rule is named", List.of(generic, twilioPin, rule("SDR_g2", callee("c")).build()),
                        rule("", individual("i")).build(), List.of("SDR_generic", "SDR_g2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesRulesClaimingTheSameCalls(String name, List<DispatchRule> stored, DispatchRule candidate, List<String> ids) {
        List<Violation> violations = RuleConflicts.find(candidate, stored);
        assertEquals(ids, violations.stream().map(v -> ((Violation.Conflict) v).conflictingId()).toList());
    }

    @Test
    void messageNamesTheRuleAndTheCombination() {
        DispatchRule stored = rule("SDR_x9", direct("board", "123")).name("board").trunkIds("ST_twilio").numbers(OUR_NUMBER).build();
        Violation v = RuleConflicts.find(rule("", direct("b2", "123")).trunkIds("ST_twilio").numbers("15105550100").build(),
                List.of(stored)).getFirst();
        assertEquals("trunk_ids", v.field());
        assertEquals("dispatch rule SDR_x9 (\"board\") already routes calls on ST_twilio from any caller to +15105550100"
                + " with the same PIN", v.message());
    }
}
