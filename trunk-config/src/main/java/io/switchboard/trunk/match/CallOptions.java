package io.switchboard.trunk.match;

import io.switchboard.trunk.model.IncludeHeaders;
import io.switchboard.trunk.model.MediaEncryption;
import java.time.Duration;
import java.util.Map;

/**
 * How the gateway handles an admitted call, taken from its trunk and rule.
 *
 * @param headers             headers to add to the 200 OK (trunk)
 * @param headersToAttributes INVITE header to participant attribute (trunk)
 * @param attributesToHeaders participant attribute to BYE/REFER header (trunk)
 * @param ringingTimeout      null means the gateway default
 * @param maxCallDuration     null means the gateway default
 * @param krispEnabled        trunk or rule asks for noise cancellation
 * @param mediaEncryption     the rule's policy if set, else the trunk's
 */
public record CallOptions(
        Map<String, String> headers,
        Map<String, String> headersToAttributes,
        Map<String, String> attributesToHeaders,
        IncludeHeaders includeHeaders,
        Duration ringingTimeout,
        Duration maxCallDuration,
        boolean krispEnabled,
        MediaEncryption mediaEncryption) {

    public CallOptions {
        headers = Map.copyOf(headers);
        headersToAttributes = Map.copyOf(headersToAttributes);
        attributesToHeaders = Map.copyOf(attributesToHeaders);
    }
}
