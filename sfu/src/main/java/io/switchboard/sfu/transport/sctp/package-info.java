/**
 * WebRTC data channels in pure Java: SCTP (RFC 9260) carried in DTLS application data (RFC 8261),
 * with partial reliability (RFC 3758), stream reset (RFC 6525) and the data channel establishment
 * protocol (RFC 8831, RFC 8832). {@link io.switchboard.sfu.transport.sctp.SctpAssociation} is fed
 * decrypted DTLS records and sends through a {@link io.switchboard.sfu.transport.sctp.PacketSender};
 * applications see {@link io.switchboard.sfu.transport.sctp.DataChannel}s.
 */
package io.switchboard.sfu.transport.sctp;
