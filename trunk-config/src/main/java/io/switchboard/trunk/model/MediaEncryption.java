package io.switchboard.trunk.model;

/** SRTP policy of a call leg, as LiveKit's {@code SIPMediaEncryption}. */
public enum MediaEncryption {
    /** Plain RTP only. Also LiveKit's zero value, meaning "not set". */
    DISABLE,
    /** Offer or accept SDES-SRTP, fall back to RTP. */
    ALLOW,
    /** Refuse calls that cannot agree on SDES-SRTP. */
    REQUIRE;

    /**
     * The effective policy when {@code override} (e.g. a dispatch rule's) is applied over this one
     * (e.g. a trunk's): DISABLE means "not set", so it never overrides.
     */
    public MediaEncryption overriddenBy(MediaEncryption override) {
        return override == null || override == DISABLE ? this : override;
    }
}
