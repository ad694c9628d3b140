package io.switchboard.trunk.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.RoomRule;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomised check that the write-time conflict rules and the match-time rules agree: whatever
 * set of trunks (rules) the conflict checks let in, no call is ever ambiguous, and the answer
 * does not depend on the order the store lists them in.
 */
class WriteTimeGuaranteeTest {
    static final List<List<String>> NUMBERS = List.of(List.of(), List.of("+15105550100"), List.of("15105550100"),
            List.of("+15105550199"), List.of("+15105550100", "+15105550199"), List.of("reception"));
    static final List<List<String>> CALLERS = List.of(List.of(), List.of("+14155550123"), List.of("14155550123"),
            List.of("+14155550124"), List.of("+14155550123", "+14155550124"));
    static final List<List<String>> ADDRESSES = List.of(List.of(), List.of("54.172.60.0/30"), List.of("54.172.60.2"),
            List.of("54.172.60.0/23"), List.of("192.76.120.10", "64.16.250.10"), List.of("sip.telnyx.com"),
            List.of("2001:db8::/32"), List.of("54.244.51.0/30", "2001:db8:5::/48"));
    static final List<String> CALLED = List.of("+15105550100", "15105550100", "+15105550199", "+15105550111", "reception");
    static final List<String> CALLING = List.of("+14155550123", "14155550123", "+14155550124", "+14155550125");
    static final List<String> SOURCES = List.of("54.172.60.1", "54.172.60.2", "54.172.61.7", "192.76.120.10",
            "64.16.250.10", "203.0.113.5", "2001:db8::9", "2001:db8:5::1", "54.244.51.1");
    static final List<String> HOSTS = List.of("", "sip.telnyx.com", "pstn.twilio.com");

    static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void acceptedTrunksNeverMatchAmbiguously(long seed) {
        Random r = new Random(seed);
        List<InboundTrunk> accepted = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < 200; i++) {
            InboundTrunk candidate = InboundTrunk.builder().id("ST_" + i).numbers(pick(r, NUMBERS))
                    .allowedNumbers(pick(r, CALLERS)).allowedAddresses(pick(r, ADDRESSES)).build();
            if (TrunkConflicts.find(candidate, accepted).isEmpty()) {
                accepted.add(candidate);
            } else {
                refused++;
            }
        }
        assertTrue(accepted.size() > 5 && refused > 20, "the generator must exercise both outcomes");
        int matched = 0;
        for (int i = 0; i < 2000; i++) {
            InboundCall call = new InboundCall(pick(r, CALLED), pick(r, CALLING),
                    InetAddress.ofLiteral(pick(r, SOURCES)), pick(r, HOSTS));
            TrunkMatch match = TrunkMatcher.match(accepted, call);
            assertFalse(match instanceof TrunkMatch.Conflict, () -> call + " -> " + match);
            List<InboundTrunk> shuffled = new ArrayList<>(accepted);
            Collections.shuffle(shuffled, r);
            assertEquals(match, TrunkMatcher.match(shuffled, call));
            matched += match instanceof TrunkMatch.Matched ? 1 : 0;
        }
        assertTrue(matched > 100, "calls must actually match trunks");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void acceptedRulesSelectTheSameRuleInAnyOrder(long seed) {
        Random r = new Random(seed);
        List<String> trunkPool = List.of("ST_a", "ST_b", "ST_c");
        List<DispatchRule> accepted = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            List<String> trunkIds = r.nextBoolean() ? List.of() : List.of(pick(r, trunkPool));
            String pin = pick(r, List.of("", "", "123", "456"));
            RoomRule roomRule = switch (r.nextInt(3)) {
                case 0 -> new RoomRule.Direct("room" + i, pin);
                case 1 -> new RoomRule.Individual("p" + i, pin, false);
                default -> new RoomRule.Callee("c" + i, pin, false);
            };
            DispatchRule candidate = DispatchRule.builder().id("SDR_" + i).rule(roomRule).trunkIds(trunkIds)
                    .numbers(pick(r, NUMBERS)).inboundNumbers(pick(r, CALLERS)).build();
            if (RuleConflicts.find(candidate, accepted).isEmpty()) {
                accepted.add(candidate);
            }
        }
        assertTrue(accepted.size() > 10);
        int selected = 0;
        for (int i = 0; i < 2000; i++) {
            InboundTrunk trunk = r.nextInt(4) == 0 ? null : InboundTrunk.builder().id(pick(r, trunkPool)).build();
            InboundCall call = new InboundCall(pick(r, CALLED), pick(r, CALLING), InetAddress.ofLiteral("54.172.60.1"));
            PinEntry pin = pick(r, List.of(PinEntry.notAsked(), PinEntry.entered(""), PinEntry.entered("123"),
                    PinEntry.entered("999")));
            RuleSelection selection = DispatchRuleSelector.select(trunk, accepted, call, pin);
            assertFalse(selection instanceof RuleSelection.Conflict, () -> call + " -> " + selection);
            List<DispatchRule> shuffled = new ArrayList<>(accepted);
            Collections.shuffle(shuffled, r);
            assertEquals(selection, DispatchRuleSelector.select(trunk, shuffled, call, pin));
            selected += selection instanceof RuleSelection.Selected ? 1 : 0;
        }
        assertTrue(selected > 100);
    }
}
