package io.switchboard.trunk.match;

import io.switchboard.trunk.model.OutboundTrunk;
import io.switchboard.trunk.model.Violation;
import java.util.ArrayList;
import java.util.List;

/** Write-time checks of one outbound trunk. Outbound trunks cannot conflict with each other. */
public final class OutboundTrunkValidator {
    private OutboundTrunkValidator() {
    }

    /** Every problem found, each naming its field; empty if the trunk may be stored. */
    public static List<Violation> validate(OutboundTrunk trunk) {
        List<Violation> out = new ArrayList<>();
        if (trunk.address().isBlank()) {
            FieldChecks.invalid(out, "address", "must be set to the carrier's hostname or IP, e.g. mytrunk.pstn.twilio.com");
        } else {
            FieldChecks.host(out, "address", trunk.address(), true);
        }
        if (trunk.numbers().isEmpty()) {
            FieldChecks.invalid(out, "numbers", "at least one caller number must be set");
        }
        FieldChecks.numbers(out, "numbers", trunk.numbers());
        if (!trunk.destinationCountry().isEmpty() && !trunk.destinationCountry().matches("[A-Z]{2}")) {
            FieldChecks.invalid(out, "destination_country",
                    "must be an ISO 3166-1 alpha-2 code such as US or DE: \"" + trunk.destinationCountry() + "\"");
        }
        if (!trunk.fromHost().isEmpty()) {
            FieldChecks.host(out, "from_host", trunk.fromHost(), false);
        }
        FieldChecks.headers(out, "headers", trunk.headers());
        FieldChecks.headersToAttributes(out, "headers_to_attributes", trunk.headersToAttributes());
        FieldChecks.attributesToHeaders(out, "attributes_to_headers", trunk.attributesToHeaders());
        return out;
    }
}
