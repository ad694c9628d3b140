/**
 * ICE over ice4j for one bundled, rtcp-mux component: {@link
 * io.switchboard.sfu.transport.ice.IceTransport}, SDP candidate lines ({@link
 * io.switchboard.sfu.transport.ice.IceCandidate}), host candidates on sockets of their own or on a
 * {@link io.switchboard.sfu.transport.ice.SharedUdpPort}, and the one class with static state,
 * {@link io.switchboard.sfu.transport.ice.Ice4jBootstrap}.
 */
package io.switchboard.sfu.transport.ice;
