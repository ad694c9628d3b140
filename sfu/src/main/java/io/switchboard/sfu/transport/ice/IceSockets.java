package io.switchboard.sfu.transport.ice;

/**
 * How an {@link IceTransport} gets its host candidates: sockets of its own, or a UDP port shared by
 * all transports and demultiplexed by ICE username.
 */
public sealed interface IceSockets permits DedicatedSockets, SharedUdpPort {}
