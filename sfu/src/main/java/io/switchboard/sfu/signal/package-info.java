/**
 * LiveKit's {@code /rtc} signalling (protocol 17, dual peer connection) as transport-free logic:
 * {@link io.switchboard.sfu.signal.SignalServer} admits joins by token and routes room events,
 * {@link io.switchboard.sfu.signal.SignalSession} speaks SignalRequest/SignalResponse for one
 * client. The WebSocket itself is the server module's (Netty stays there).
 */
package io.switchboard.sfu.signal;
