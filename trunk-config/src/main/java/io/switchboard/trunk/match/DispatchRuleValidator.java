package io.switchboard.trunk.match;

import io.switchboard.trunk.model.DispatchRule;
import io.switchboard.trunk.model.RoomAgentDispatch;
import io.switchboard.trunk.model.RoomConfiguration;
import io.switchboard.trunk.model.RoomRule;
import io.switchboard.trunk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/** Write-time checks of one dispatch rule on its own; see {@link RuleConflicts} for checks against others. */
public final class DispatchRuleValidator {
    /** The gateway collects at most this many DTMF digits before '#', as LiveKit does. */
    public static final int MAX_PIN_LENGTH = 16;

    private DispatchRuleValidator() {
    }

    /** Every problem found, each naming its field; empty if the rule may be stored. */
    public static List<Violation> validate(DispatchRule rule) {
        List<Violation> out = new ArrayList<>();
        switch (rule.rule()) {
            case null -> FieldChecks.invalid(out, "rule",
                    "must be one of dispatch_rule_direct, dispatch_rule_individual or dispatch_rule_callee");
            case RoomRule.Direct d -> {
                if (d.roomName().isBlank()) {
                    FieldChecks.invalid(out, "rule.dispatch_rule_direct.room_name", "must not be empty");
                }
                pin(out, "rule.dispatch_rule_direct.pin", d.pin());
            }
            case RoomRule.Individual i -> pin(out, "rule.dispatch_rule_individual.pin", i.pin());
            case RoomRule.Callee c -> pin(out, "rule.dispatch_rule_callee.pin", c.pin());
        }
        for (int i = 0; i < rule.trunkIds().size(); i++) {
            if (rule.trunkIds().get(i).isBlank()) {
                FieldChecks.invalid(out, "trunk_ids[" + i + "]", "must not be empty");
            }
        }
        FieldChecks.numbers(out, "inbound_numbers", rule.inboundNumbers());
        FieldChecks.numbers(out, "numbers", rule.numbers());
        rule.attributes().keySet().stream().filter(String::isBlank).findAny()
                .ifPresent(k -> FieldChecks.invalid(out, "attributes", "attribute name must not be empty"));
        if (rule.roomConfig() != null) {
            roomConfig(out, rule.roomConfig());
        }
        return out;
    }

    private static void pin(List<Violation> out, String field, String pin) {
        if (pin.length() > MAX_PIN_LENGTH || !pin.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '*')) {
            FieldChecks.invalid(out, field, "must be at most " + MAX_PIN_LENGTH + " DTMF digits (0-9, *): \"" + pin + "\"");
        }
    }

    private static void roomConfig(List<Violation> out, RoomConfiguration config) {
        FieldChecks.notNegative(out, "room_config.empty_timeout", config.emptyTimeout());
        FieldChecks.notNegative(out, "room_config.departure_timeout", config.departureTimeout());
        FieldChecks.notNegative(out, "room_config.max_participants", config.maxParticipants());
        FieldChecks.notNegative(out, "room_config.min_playout_delay", config.minPlayoutDelay());
        FieldChecks.notNegative(out, "room_config.max_playout_delay", config.maxPlayoutDelay());
        if (config.maxPlayoutDelay() > 0 && config.minPlayoutDelay() > config.maxPlayoutDelay()) {
            FieldChecks.invalid(out, "room_config.min_playout_delay", "must not exceed max_playout_delay");
        }
        List<RoomAgentDispatch> agents = config.agents();
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).attributes().keySet().stream().anyMatch(String::isBlank)) {
                FieldChecks.invalid(out, "room_config.agents[" + i + "].attributes", "attribute name must not be empty");
            }
        }
    }
}
