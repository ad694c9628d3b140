/**
 * What happens inside an established SIP dialog besides media, for inbound and outbound legs
 * alike: DTMF over SIP INFO (RFC 6086; {@code application/dtmf-relay} and
 * {@code application/dtmf}), and cold transfers by REFER (RFC 3515) followed through the
 * implicit subscription's NOTIFY sipfrag bodies (RFC 3420) to their outcome. A call keeps one
 * {@link io.switchboard.sip.incall.DialogRequests} and feeds it from its serial executor;
 * {@link io.switchboard.sip.incall.SipCallControl} is what the room side may ask of any leg.
 */
package io.switchboard.sip.incall;
