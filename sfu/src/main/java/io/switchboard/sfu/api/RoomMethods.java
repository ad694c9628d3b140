package io.switchboard.sfu.api;

import io.switchboard.protocol.twirp.TwirpErrorCode;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.room.RoomConfigHooks.AgentRequest;
import io.switchboard.sfu.room.RoomInfo;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import livekit.LivekitModels;
import livekit.LivekitRoom.CreateRoomRequest;
import livekit.LivekitRoom.DeleteRoomRequest;
import livekit.LivekitRoom.DeleteRoomResponse;
import livekit.LivekitRoom.ListRoomsRequest;
import livekit.LivekitRoom.ListRoomsResponse;
import livekit.LivekitRoom.UpdateRoomMetadataRequest;

/** The room-level RoomService methods. Grants are checked by the caller. */
final class RoomMethods {
  private static final Comparator<RoomInfo> OLDEST_FIRST =
      Comparator.comparing(RoomInfo::createdAt).thenComparing(RoomInfo::name);

  private final RoomManager rooms;
  private final RoomConfigHooks hooks;

  RoomMethods(RoomManager rooms, RoomConfigHooks hooks) {
    this.rooms = rooms;
    this.hooks = hooks;
  }

  /**
   * Creates the room, or returns the existing one with the request's set options applied, as
   * LiveKit does (so CreateRoom is idempotent and keeps the room's sid). The request's
   * {@code agents} are dispatched when this call creates the room, as LiveKit's room configuration
   * agents are; an agent that cannot be is refused before anything is created. Its {@code egress}
   * (automatic recording) applies likewise only to a room this call creates.
   */
  LivekitModels.Room create(CreateRoomRequest request) {
    String name = RoomApiErrors.requireName(request.getName(), "name");
    refuseUnsupported(request);
    List<AgentRequest> agents = RoomConfigAgents.of(request.getAgentsList());
    if (hooks == RoomConfigHooks.NONE && request.hasEgress()) {
      throw TwirpException.unimplemented("CreateRoom: egress cannot be started, this server records nothing");
    }
    if (hooks == RoomConfigHooks.NONE && !agents.isEmpty()) {
      throw TwirpException.unimplemented("CreateRoom: agents cannot be dispatched, this server runs no agents");
    }
    try {
      hooks.check(agents);
    } catch (IllegalArgumentException e) {
      // The hooks' message names the field (agents[i].agent_name) itself.
      throw TwirpException.of(TwirpErrorCode.INVALID_ARGUMENT, e.getMessage());
    }
    RoomOptions options =
        new RoomOptions(
            seconds(request.getEmptyTimeout()),
            seconds(request.getDepartureTimeout()),
            (int) Math.min(Integer.toUnsignedLong(request.getMaxParticipants()), Integer.MAX_VALUE),
            request.getMetadata());
    Room room = rooms.getOrCreate(name, options, created -> {
      hooks.roomCreated(created.name(), agents);
      hooks.roomEgress(created.info(), request.getEgress());
    });
    return RoomProtos.room(room.reconfigure(options));
  }

  ListRoomsResponse list(ListRoomsRequest request) {
    Set<String> names = new HashSet<>(request.getNamesList());
    ListRoomsResponse.Builder reply = ListRoomsResponse.newBuilder();
    rooms.rooms().stream()
        .map(Room::info)
        .filter(r -> names.isEmpty() || names.contains(r.name()))
        .sorted(OLDEST_FIRST)
        .forEach(r -> reply.addRooms(RoomProtos.room(r)));
    return reply.build();
  }

  /** Disconnects everyone (reason ROOM_DELETED: SIP callers are hung up) and closes the room. */
  DeleteRoomResponse delete(DeleteRoomRequest request) {
    String name = RoomApiErrors.requireName(request.getRoom(), "room");
    if (!rooms.delete(name)) {
      throw RoomApiErrors.roomNotFound(name);
    }
    return DeleteRoomResponse.getDefaultInstance();
  }

  LivekitModels.Room updateMetadata(UpdateRoomMetadataRequest request) {
    Room room = existing(request.getRoom());
    room.updateMetadata(request.getMetadata());
    return RoomProtos.room(room.info());
  }

  private Room existing(String name) {
    return rooms.room(name).orElseThrow(() -> RoomApiErrors.roomNotFound(name));
  }

  /**
   * Options that would silently do nothing here are refused by name. Playout delay, sync_streams,
   * node_id and tags only tune or label WebRTC delivery and are accepted.
   */
  private static void refuseUnsupported(CreateRoomRequest request) {
    if (!request.getRoomPreset().isEmpty()) {
      throw TwirpException.invalidArgument(
          "room_preset", "\"" + request.getRoomPreset() + "\" is not a configured room preset");
    }
  }

  private static Duration seconds(int uint32) {
    return Duration.ofSeconds(Integer.toUnsignedLong(uint32));
  }
}
