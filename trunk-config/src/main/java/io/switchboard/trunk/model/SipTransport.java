package io.switchboard.trunk.model;

/** Transport of an outbound trunk, as LiveKit's {@code SIPTransport}. */
public enum SipTransport {
    /** Let the gateway choose (UDP unless the address says otherwise). */
    AUTO,
    UDP,
    TCP,
    TLS
}
