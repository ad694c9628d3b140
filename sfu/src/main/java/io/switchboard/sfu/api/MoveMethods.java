package io.switchboard.sfu.api;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomFullException;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import livekit.LivekitRoom.MoveParticipantRequest;
import livekit.LivekitRoom.MoveParticipantResponse;

/**
 * RoomService MoveParticipant: takes a participant from {@code room} into {@code
 * destination_room}, created if it does not exist. The source room sees it leave (reason
 * MIGRATION), the destination sees it join. SIP participants move with their call up (same
 * dialog, same RTP leg); WebRTC clients keep their signalling session and peer connections and
 * get LiveKit's RoomMovedResponse. Agents and recorders are refused with {@code
 * failed_precondition}, as LiveKit refuses them. Grants are checked by the caller.
 */
final class MoveMethods {
  private final RoomManager rooms;

  MoveMethods(RoomManager rooms) {
    this.rooms = rooms;
  }

  MoveParticipantResponse move(MoveParticipantRequest request) {
    String from = RoomApiErrors.requireName(request.getRoom(), "room");
    String identity = RoomApiErrors.requireName(request.getIdentity(), "identity");
    String to = RoomApiErrors.requireName(request.getDestinationRoom(), "destination_room");
    if (from.equals(to)) {
      // LiveKit's ErrDestinationSameAsSourceRoom
      throw TwirpException.of(TwirpErrorCode.INVALID_ARGUMENT,
          "destination room cannot be the same as source room (\"" + to + "\")");
    }
    Room source = rooms.room(from).orElseThrow(() -> RoomApiErrors.roomNotFound(from));
    ParticipantInfo moving =
        source.participant(identity).orElseThrow(() -> RoomApiErrors.participantNotFound(from, identity));
    if (moving.kind() == ParticipantKind.AGENT || moving.kind() == ParticipantKind.EGRESS) {
      throw TwirpException.failedPrecondition(moving.kind() + " participants cannot be moved");
    }
    Room destination = rooms.getOrCreate(to, RoomOptions.UNSET);
    if (destination.participant(identity).isPresent()) {
      throw TwirpException.alreadyExists(
          "room \"" + to + "\" already has a participant \"" + identity + "\"; moving would disconnect it");
    }
    try {
      source.move(identity, destination)
          .orElseThrow(() -> RoomApiErrors.participantNotFound(from, identity));
    } catch (UnsupportedOperationException e) {
      throw TwirpException.failedPrecondition(e.getMessage());
    } catch (RoomFullException e) {
      throw TwirpException.resourceExhausted("room \"" + to + "\" is full: " + e.getMessage());
    } catch (IllegalStateException e) {
      throw TwirpException.failedPrecondition("cannot move \"" + identity + "\" to \"" + to + "\": " + e.getMessage());
    }
    return MoveParticipantResponse.getDefaultInstance();
  }
}
