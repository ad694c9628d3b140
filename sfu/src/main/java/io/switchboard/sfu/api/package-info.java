/**
 * LiveKit's Twirp {@code livekit.RoomService} over the rooms of {@code io.switchboard.sfu.room}:
 * {@link io.switchboard.sfu.api.RoomApiService} registers the methods on a
 * {@link io.switchboard.protocol.twirp.TwirpRouter}, and {@link io.switchboard.sfu.api.RoomProtos}
 * turns room records into LiveKit's protobuf messages (also used by webhooks).
 */
package io.switchboard.sfu.api;
