package io.switchboard.sfu.api;

import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import livekit.LivekitModels;
import livekit.LivekitRoom.SendDataRequest;
import livekit.LivekitRoom.SendDataResponse;

/**
 * RoomService SendData: a user packet from the server itself (no sender identity, as in LiveKit)
 * to the participants named by identity or sid, or to everyone. Grants are checked by the caller.
 */
final class DataMethods {
  private final RoomManager rooms;

  DataMethods(RoomManager rooms) {
    this.rooms = rooms;
  }

  SendDataResponse send(SendDataRequest request) {
    String name = RoomApiErrors.requireName(request.getRoom(), "room");
    Room room = rooms.room(name).orElseThrow(() -> RoomApiErrors.roomNotFound(name));
    DataPacket.Kind kind =
        request.getKind() == LivekitModels.DataPacket.Kind.LOSSY ? DataPacket.Kind.LOSSY : DataPacket.Kind.RELIABLE;
    room.sendData(new DataMessage.User(request.getData().toByteArray(), request.getTopic()), kind,
        request.getDestinationIdentitiesList(), request.getDestinationSidsList());
    return SendDataResponse.getDefaultInstance();
  }
}
