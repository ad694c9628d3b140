/**
 * The WebRTC transport of one peer connection, layered as jitsi-videobridge layers it: {@link
 * io.switchboard.sfu.transport.ice} (ice4j) delivers datagrams, {@link
 * io.switchboard.sfu.transport.PacketDemux} splits them by first byte (RFC 7983), {@link
 * io.switchboard.sfu.transport.dtls} (BouncyCastle) runs the DTLS-SRTP handshake, {@link
 * io.switchboard.sfu.transport.srtp} (jitsi-srtp) protects media with the exported keys, and {@link
 * io.switchboard.sfu.transport.sctp} (pure Java) carries data channels in DTLS application data. {@link
 * io.switchboard.sfu.transport.WebRtcTransport} composes them; library types never leave their
 * package.
 */
package io.switchboard.sfu.transport;
