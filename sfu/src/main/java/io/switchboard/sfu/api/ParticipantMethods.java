package io.switchboard.sfu.api;

import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import livekit.LivekitModels;
import livekit.LivekitRoom.ListParticipantsRequest;
import livekit.LivekitRoom.ListParticipantsResponse;
import livekit.LivekitRoom.MuteRoomTrackRequest;
import livekit.LivekitRoom.MuteRoomTrackResponse;
import livekit.LivekitRoom.RemoveParticipantResponse;
import livekit.LivekitRoom.RoomParticipantIdentity;
import livekit.LivekitRoom.UpdateParticipantRequest;

/**
 * The participant-level RoomService methods. Grants (roomAdmin for the named room) are checked
 * by the caller. Unknown rooms and participants are {@code not_found}, as in LiveKit.
 */
final class ParticipantMethods {
  private final RoomManager rooms;
  private final boolean remoteUnmute;

  /** @param remoteUnmute LiveKit's {@code room.enable_remote_unmute}: may an admin unmute a track */
  ParticipantMethods(RoomManager rooms, boolean remoteUnmute) {
    this.rooms = rooms;
    this.remoteUnmute = remoteUnmute;
  }

  /** Everyone in the room; an unknown room has nobody in it (LiveKit answers the same). */
  ListParticipantsResponse list(ListParticipantsRequest request) {
    ListParticipantsResponse.Builder reply = ListParticipantsResponse.newBuilder();
    rooms.room(request.getRoom()).ifPresent(
        room -> room.participants().forEach(p -> reply.addParticipants(RoomProtos.participant(p))));
    return reply.build();
  }

  LivekitModels.ParticipantInfo get(RoomParticipantIdentity request) {
    Room room = room(request.getRoom(), request.getIdentity());
    return room.participant(request.getIdentity())
        .map(RoomProtos::participant)
        .orElseThrow(() -> RoomApiErrors.participantNotFound(request.getRoom(), request.getIdentity()));
  }

  /** Disconnects the participant with PARTICIPANT_REMOVED; a SIP caller is hung up. */
  RemoveParticipantResponse remove(RoomParticipantIdentity request) {
    Room room = room(request.getRoom(), request.getIdentity());
    if (!room.remove(request.getIdentity(), DisconnectReason.PARTICIPANT_REMOVED)) {
      throw RoomApiErrors.participantNotFound(request.getRoom(), request.getIdentity());
    }
    return RemoveParticipantResponse.getDefaultInstance();
  }

  MuteRoomTrackResponse mute(MuteRoomTrackRequest request) {
    String identity = request.getIdentity();
    Room room = room(request.getRoom(), identity);
    if (room.participant(identity).isEmpty()) {
      throw RoomApiErrors.participantNotFound(request.getRoom(), identity);
    }
    if (!request.getMuted() && !remoteUnmute) {
      // LiveKit's ErrRemoteUnmuteNoteEnabled: nobody turns a participant's microphone on remotely
      // unless the operator allowed it.
      throw TwirpException.failedPrecondition(
          "remote unmute not enabled: set room.enable_remote_unmute to let MutePublishedTrack unmute");
    }
    return room.setTrackMuted(identity, RoomApiErrors.requireName(request.getTrackSid(), "track_sid"), request.getMuted())
        .map(t -> MuteRoomTrackResponse.newBuilder().setTrack(RoomProtos.track(t)).build())
        .orElseThrow(() -> RoomApiErrors.trackNotFound(identity, request.getTrackSid()));
  }

  /**
   * LiveKit's rules: an empty name or metadata is left as it is; attributes merge and an empty
   * value deletes the key. Permission changes are refused (nothing here would enforce them).
   */
  LivekitModels.ParticipantInfo update(UpdateParticipantRequest request) {
    if (request.hasPermission()) {
      throw TwirpException.unimplemented(
          "UpdateParticipant: changing a participant's permission is not supported; send name,"
              + " metadata or attributes without permission");
    }
    Room room = room(request.getRoom(), request.getIdentity());
    return room.updateParticipant(
            request.getIdentity(), request.getName(), request.getMetadata(), request.getAttributesMap())
        .map(RoomProtos::participant)
        .orElseThrow(() -> RoomApiErrors.participantNotFound(request.getRoom(), request.getIdentity()));
  }

  private Room room(String name, String identity) {
    RoomApiErrors.requireName(identity, "identity");
    return rooms.room(name).orElseThrow(() -> RoomApiErrors.roomNotFound(name));
  }
}
