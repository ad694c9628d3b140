/**
 * Inbound calls: {@link io.switchboard.sip.inbound.InboundCallRouter} creates one call per
 * dialog-less INVITE and drives it through authorization, digest, dispatch, ringing, answer,
 * re-INVITE/UPDATE and session timers. Routing is behind
 * {@link io.switchboard.sip.inbound.InboundCallHandler}, media behind
 * {@link io.switchboard.sip.inbound.MediaSessionFactory}.
 */
package io.switchboard.sip.inbound;
