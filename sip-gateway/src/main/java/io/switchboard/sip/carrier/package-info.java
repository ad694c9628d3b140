/**
 * Why a carrier refused an outbound INVITE, beyond its status line: the RFC 3326 Reason header
 * (often a Q.850 cause), Twilio's {@code X-Twilio-Error: <code> <text>}, and the trunk rate limits
 * (calls per second, concurrent calls) carriers report behind a generic 5xx. The API and the
 * callee's participant attributes surface what this package reads.
 */
package io.switchboard.sip.carrier;
