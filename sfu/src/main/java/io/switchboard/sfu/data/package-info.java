/**
 * LiveKit's data packets over WebRTC data channels: one protobuf {@code DataPacket} per SCTP
 * message on {@code _reliable} and {@code _lossy}, read, stamped with the sender and handed to
 * the room ({@link io.switchboard.sfu.data.ParticipantData}), and the room's data encoded for
 * each client.
 */
package io.switchboard.sfu.data;
