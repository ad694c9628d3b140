package io.switchboard.sip.inbound;

/**
 * One Diversion header entry (RFC 5806): who the call was redirected from and why.
 *
 * @param reason e.g. "unconditional", "no-answer", "user-busy"; empty when absent
 * @param counter how many times it was diverted at this hop, 1 when absent
 */
public record Diversion(CallParty party, String reason, int counter) {}
