/**
 * The JAIN-SIP adapter: the only package that touches {@code javax.sip} and {@code gov.nist}.
 * {@link io.switchboard.sip.transport.JainSipStack} listens on UDP and TCP (and TLS), turns stack callbacks
 * into immutable {@link io.switchboard.sip.transport.SipEvent}s queued per Call-ID, and sends what
 * calls ask for through {@link io.switchboard.sip.transport.SipSignalling}.
 */
package io.switchboard.sip.transport;
