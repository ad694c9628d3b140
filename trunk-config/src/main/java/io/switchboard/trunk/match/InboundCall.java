package io.switchboard.trunk.match;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What trunk and rule matching needs to know about an INVITE.
 *
 * @param calledNumber  user part of the To (or Request-URI), e.g. {@code +15105550100}
 * @param callerNumber  user part of the From, e.g. {@code +14155550123}
 * @param sourceAddress IP the INVITE came from
 * @param callerHost    host part of the From URI, or empty; matched by hostname entries of {@code allowed_addresses}
 */
public record InboundCall(String calledNumber, String callerNumber, InetAddress sourceAddress, String callerHost) {

    public InboundCall {
        calledNumber = Objects.requireNonNullElse(calledNumber, "");
        callerNumber = Objects.requireNonNullElse(callerNumber, "");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
        callerHost = Objects.requireNonNullElse(callerHost, "");
    }

    public InboundCall(String calledNumber, String callerNumber, InetAddress sourceAddress) {
        this(calledNumber, callerNumber, sourceAddress, "");
    }
}
