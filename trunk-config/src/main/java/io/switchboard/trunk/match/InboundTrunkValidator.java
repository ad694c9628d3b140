package io.switchboard.trunk.match;

import io.switchboard.trunk.model.InboundTrunk;
import io.switchboard.trunk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/** Write-time checks of one inbound trunk on its own; see {@link TrunkConflicts} for checks against others. */
public final class InboundTrunkValidator {
    private InboundTrunkValidator() {
    }

    /** Every problem found, each naming its field; empty if the trunk may be stored. */
    public static List<Violation> validate(InboundTrunk trunk) {
        List<Violation> out = new ArrayList<>();
        FieldChecks.numbers(out, "numbers", trunk.numbers());
        List<String> addresses = trunk.allowedAddresses();
        for (int i = 0; i < addresses.size(); i++) {
            if (AddressMask.parse(addresses.get(i)).isEmpty()) {
                FieldChecks.invalid(out, "allowed_addresses[" + i + "]",
                        "must be an IP address, a CIDR block such as 54.172.60.0/30, or a hostname: \""
                                + addresses.get(i) + "\"");
            }
        }
        FieldChecks.numbers(out, "allowed_numbers", trunk.allowedNumbers());
        FieldChecks.authPair(out, trunk.authUsername(), trunk.authPassword());
        boolean hasAuth = !trunk.authUsername().isEmpty() || !trunk.authPassword().isEmpty();
        if (!hasAuth && addresses.isEmpty() && trunk.numbers().isEmpty()) {
            // As LiveKit: a trunk open to every number from everywhere without auth invites toll fraud.
            FieldChecks.invalid(out, "allowed_addresses",
                    "for security, one of auth_username+auth_password, allowed_addresses or numbers must be set");
        }
        if (trunk.authRealm().chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '"' || c == '\\')) {
            FieldChecks.invalid(out, "auth_realm", "must not contain quotes, backslashes or control characters");
        }
        FieldChecks.headers(out, "headers", trunk.headers());
        FieldChecks.headersToAttributes(out, "headers_to_attributes", trunk.headersToAttributes());
        FieldChecks.attributesToHeaders(out, "attributes_to_headers", trunk.attributesToHeaders());
        FieldChecks.notNegative(out, "ringing_timeout", trunk.ringingTimeout());
        FieldChecks.notNegative(out, "max_call_duration", trunk.maxCallDuration());
        return out;
    }
}
