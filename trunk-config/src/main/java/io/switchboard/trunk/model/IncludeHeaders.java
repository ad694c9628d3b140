package io.switchboard.trunk.model;

/**
 * Which INVITE (inbound) or 200 OK (outbound) headers are copied to participant attributes
 * automatically, as LiveKit's {@code SIPHeaderOptions}.
 */
public enum IncludeHeaders {
    /** Only the headers named in {@code headers_to_attributes} are mapped. */
    NONE,
    /** Every {@code X-*} header becomes a {@code sip.h.x-*} attribute. */
    X_HEADERS,
    /** Every header becomes a {@code sip.h.*} attribute. */
    ALL
}
