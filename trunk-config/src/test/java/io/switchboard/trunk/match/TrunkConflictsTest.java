package io.switchboard.trunk.match;

import static io.switchboard.trunk.match.Fixtures.CALLER;
import static io.switchboard.trunk.match.Fixtures.CALLER_2;
import static io.switchboard.trunk.match.Fixtures.OTHER_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER;
import static io.switchboard.trunk.match.Fixtures.OUR_NUMBER_TELNYX;
import static io.switchboard.trunk.match.Fixtures.telnyx;
import static io.switchboard.trunk.match.Fixtures.trunk;
import static io.switchboard.trunk.match.Fixtures.twilio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TrunkConflictsTest {

    static Stream<Arguments> cases() {
        InboundTrunk open = trunk("ST_open").numbers(OUR_NUMBER).build();
        InboundTrunk twilio = twilio("ST_twilio").numbers(OUR_NUMBER).build();
        InboundTrunk vip = trunk("ST_vip").numbers(OUR_NUMBER).allowedNumbers(CALLER).build();
        InboundTrunk wildcard = trunk("ST_wild").authUsername("u").authPassword("p").build();
        return Stream.of(
                Arguments.of("same number, both from anywhere", List.of(open),
                        trunk("").numbers(OUR_NUMBER).build(), List.of("ST_open")),
                Arguments.of("same number written without + (Telnyx)", List.of(open),
                        trunk("").numbers(OUR_NUMBER_TELNYX).build(), List.of("ST_open")),
                Arguments.of("same number written for humans", List.of(open),
                        trunk("").numbers("+1 (510) 555-0100").build(), List.of("ST_open")),
                Arguments.of("different numbers", List.of(open),
                        trunk("").numbers(OTHER_NUMBER).build(), List.of()),
                Arguments.of("one shared number among several", List.of(open),
                        trunk("").numbers(OTHER_NUMBER, OUR_NUMBER).build(), List.of("ST_open")),
                Arguments.of("same number, Twilio vs anywhere", List.of(twilio),
                        trunk("").numbers(OUR_NUMBER).build(), List.of("ST_twilio")),
                Arguments.of("same number, Twilio vs Telnyx (disjoint sources)", List.of(twilio),
                        telnyx("").numbers(OUR_NUMBER).build(), List.of()),
                Arguments.of("same number, overlapping blocks", List.of(twilio),
                        trunk("").numbers(OUR_NUMBER).allowedAddresses("54.172.60.2").build(), List.of("ST_twilio")),
                Arguments.of("same number, block vs From hostname", List.of(twilio),
                        trunk("").numbers(OUR_NUMBER).allowedAddresses("pstn.twilio.com").build(), List.of("ST_twilio")),
                Arguments.of("same number, IPv6 vs IPv4 blocks", List.of(twilio),
                        trunk("").numbers(OUR_NUMBER).allowedAddresses("2001:db8::/32").build(), List.of()),
                Arguments.of("caller-specific vs any caller is a ranking, not a conflict", List.of(open),
                        trunk("").numbers(OUR_NUMBER).allowedNumbers(CALLER).build(), List.of()),
                Arguments.of("same allowed caller", List.of(vip),
                        trunk("").numbers(OUR_NUMBER).allowedNumbers("14155550123").build(), List.of("ST_vip")),
                Arguments.of("different allowed callers", List.of(vip),
                        trunk("").numbers(OUR_NUMBER).allowedNumbers(CALLER_2).build(), List.of()),
                Arguments.of("two wildcard trunks", List.of(wildcard),
                        trunk("").authUsername("v").authPassword("q").build(), List.of("ST_wild")),
                Arguments.of("wildcard vs specific", List.of(wildcard),
                        trunk("").numbers(OUR_NUMBER).build(), List.of()),
                Arguments.of("two wildcards from disjoint carriers", List.of(twilio("ST_tw").build()),
                        telnyx("").build(), List.of()),
                Arguments.of("updating a trunk does not conflict with itself", List.of(open),
                        open.toBuilder().name("renamed").build(), List.of()),
                Arguments.of("every conflicting trunk is named", List.of(open, twilio, vip),
                        trunk("").numbers(OUR_NUMBER).build(), List.of("ST_open", "ST_twilio")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesAmbiguousTrunks(String name, List<InboundTrunk> stored, InboundTrunk candidate, List<String> conflictIds) {
        List<Violation> violations = TrunkConflicts.find(candidate, stored);
        assertEquals(conflictIds, violations.stream().map(v -> ((Violation.Conflict) v).conflictingId()).toList());
        violations.forEach(v -> assertEquals("numbers", v.field()));
    }

    @Test
    void messageNamesTheTrunkNumberAndCaller() {
        InboundTrunk stored = trunk("ST_4kZq9xYb2mPw").name("twilio-in").numbers(OUR_NUMBER).build();
        Violation v = TrunkConflicts.find(trunk("").numbers(OUR_NUMBER_TELNYX).build(), List.of(stored)).getFirst();
        assertEquals("number +15105550100 is already served by trunk ST_4kZq9xYb2mPw (\"twilio-in\") for any caller"
                + " from overlapping allowed_addresses; calls would match both trunks", v.message());
    }

    @Test
    void wildcardMessage() {
        InboundTrunk stored = trunk("ST_w").authUsername("u").authPassword("p").build();
        Violation v = TrunkConflicts.find(trunk("").allowedAddresses("10.0.0.0/8").build(), List.of(stored)).getFirst();
        assertTrue(v.message().startsWith("trunk ST_w (\"st_w\") already serves every called number for any caller"), v.message());
    }
}
