package io.switchboard.trunk.match;

/** Names of the participant attributes LiveKit gives SIP participants ({@code livekit/attrs.go}). */
public final class SipAttributes {
    /** LiveKit call ID, {@code SCL_...}; set by the gateway. */
    public static final String CALL_ID = "sip.callID";
    public static final String TRUNK_ID = "sip.trunkID";
    public static final String RULE_ID = "sip.ruleID";
    /** The number of the trunk that was called; omitted with hide_phone_number. */
    public static final String TRUNK_PHONE_NUMBER = "sip.trunkPhoneNumber";
    /** The caller's number; omitted with hide_phone_number. */
    public static final String PHONE_NUMBER = "sip.phoneNumber";
    /** The host of the caller's From URI; omitted with hide_phone_number. */
    public static final String HOSTNAME = "sip.hostname";
    /** {@code dialing}, {@code ringing}, {@code automation}, {@code active} or {@code hangup}; set by the gateway. */
    public static final String CALL_STATUS = "sip.callStatus";
    /** Prefix of headers copied by include_headers, e.g. {@code sip.h.x-customer}. */
    public static final String HEADER_PREFIX = "sip.h.";

    private SipAttributes() {
    }
}
