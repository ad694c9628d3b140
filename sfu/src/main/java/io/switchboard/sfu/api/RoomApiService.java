package io.switchboard.sfu.api;

import com.google.protobuf.Message;
import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.protocol.twirp.TwirpMethod;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.room.RoomManager;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import livekit.LivekitRoom.CreateRoomRequest;
import livekit.LivekitRoom.DeleteRoomRequest;
import livekit.LivekitRoom.ForwardParticipantRequest;
import livekit.LivekitRoom.ListParticipantsRequest;
import livekit.LivekitRoom.ListRoomsRequest;
import livekit.LivekitRoom.MoveParticipantRequest;
import livekit.LivekitRoom.MuteRoomTrackRequest;
import livekit.LivekitRoom.PerformRpcRequest;
import livekit.LivekitRoom.RoomParticipantIdentity;
import livekit.LivekitRoom.SendDataRequest;
import livekit.LivekitRoom.UpdateParticipantRequest;
import livekit.LivekitRoom.UpdateRoomMetadataRequest;
import livekit.LivekitRoom.UpdateSubscriptionsRequest;

/**
 * LiveKit's Twirp {@code livekit.RoomService} over a {@link RoomManager}. Grants are checked as
 * LiveKit checks them: {@code roomCreate} for CreateRoom and DeleteRoom, {@code roomList} for
 * ListRooms, {@code roomAdmin} for the named {@code room} for everything else (MoveParticipant
 * also needs the token's {@code destinationRoom} to be the destination). Methods this
 * server cannot honour yet answer {@code unimplemented} and say why.
 */
public final class RoomApiService {
  /** The Twirp service name, as in {@code /twirp/livekit.RoomService/<Method>}. */
  public static final String SERVICE = "livekit.RoomService";

  private final RoomMethods roomMethods;
  private final ParticipantMethods participantMethods;
  private final DataMethods dataMethods;
  private final MoveMethods moveMethods;
  private final RpcMethods rpcMethods;

  /**
   * @param remoteUnmute LiveKit's {@code room.enable_remote_unmute}
   * @param rpcTimers times PerformRpc's ack and response timeouts
   */
  public RoomApiService(RoomManager rooms, boolean remoteUnmute, ScheduledExecutorService rpcTimers) {
    this(rooms, remoteUnmute, RoomConfigHooks.NONE, rpcTimers);
  }

  /** @param hooks dispatches CreateRoom's {@code agents} */
  public RoomApiService(
      RoomManager rooms, boolean remoteUnmute, RoomConfigHooks hooks, ScheduledExecutorService rpcTimers) {
    Objects.requireNonNull(rooms, "rooms");
    this.roomMethods = new RoomMethods(rooms, Objects.requireNonNull(hooks, "hooks"));
    this.participantMethods = new ParticipantMethods(rooms, remoteUnmute);
    this.dataMethods = new DataMethods(rooms);
    this.moveMethods = new MoveMethods(rooms);
    this.rpcMethods = new RpcMethods(rooms, Objects.requireNonNull(rpcTimers, "rpcTimers"));
  }

  public void register(TwirpRouter router) {
    creator(router, "CreateRoom", CreateRoomRequest.getDefaultInstance(), roomMethods::create);
    creator(router, "DeleteRoom", DeleteRoomRequest.getDefaultInstance(), roomMethods::delete);
    router.register(SERVICE, "ListRooms", ListRoomsRequest.getDefaultInstance(), (context, request) -> {
      RoomApiErrors.requireList(context);
      return roomMethods.list(request);
    });
    admin(router, "UpdateRoomMetadata", UpdateRoomMetadataRequest.getDefaultInstance(),
        UpdateRoomMetadataRequest::getRoom, roomMethods::updateMetadata);

    admin(router, "ListParticipants", ListParticipantsRequest.getDefaultInstance(),
        ListParticipantsRequest::getRoom, participantMethods::list);
    admin(router, "GetParticipant", RoomParticipantIdentity.getDefaultInstance(),
        RoomParticipantIdentity::getRoom, participantMethods::get);
    admin(router, "RemoveParticipant", RoomParticipantIdentity.getDefaultInstance(),
        RoomParticipantIdentity::getRoom, participantMethods::remove);
    admin(router, "MutePublishedTrack", MuteRoomTrackRequest.getDefaultInstance(),
        MuteRoomTrackRequest::getRoom, participantMethods::mute);
    admin(router, "UpdateParticipant", UpdateParticipantRequest.getDefaultInstance(),
        UpdateParticipantRequest::getRoom, participantMethods::update);

    unimplemented(router, "UpdateSubscriptions", UpdateSubscriptionsRequest.getDefaultInstance(),
        UpdateSubscriptionsRequest::getRoom,
        "in-process participants hear every other participant's mix; there are no per-track subscriptions to change");
    admin(router, "SendData", SendDataRequest.getDefaultInstance(), SendDataRequest::getRoom, dataMethods::send);
    unimplemented(router, "ForwardParticipant", ForwardParticipantRequest.getDefaultInstance(),
        ForwardParticipantRequest::getRoom, "forwarding a participant into another room is not supported");
    router.register(SERVICE, "MoveParticipant", MoveParticipantRequest.getDefaultInstance(), (context, request) -> {
      RoomApiErrors.requireAdminOfBoth(context, request.getRoom(), request.getDestinationRoom());
      return moveMethods.move(request);
    });
    admin(router, "PerformRpc", PerformRpcRequest.getDefaultInstance(), PerformRpcRequest::getRoom,
        rpcMethods::perform);
  }

  private static <Req extends Message> void creator(
      TwirpRouter router, String method, Req prototype, Function<Req, ? extends Message> handler) {
    router.register(SERVICE, method, prototype, (context, request) -> {
      RoomApiErrors.requireCreate(context);
      return handler.apply(request);
    });
  }

  private static <Req extends Message> void admin(
      TwirpRouter router,
      String method,
      Req prototype,
      Function<Req, String> room,
      Function<Req, ? extends Message> handler) {
    router.register(SERVICE, method, prototype, (context, request) -> {
      RoomApiErrors.requireAdmin(context, room.apply(request));
      return handler.apply(request);
    });
  }

  /** Checks grants first, so a caller without them learns that before learning what is missing. */
  private static <Req extends Message> void unimplemented(
      TwirpRouter router, String method, Req prototype, Function<Req, String> room, String why) {
    TwirpMethod<Req, Message> refuse = (TwirpContext context, Req request) -> {
      RoomApiErrors.requireAdmin(context, room.apply(request));
      throw TwirpException.unimplemented(SERVICE + "/" + method + " is not implemented: " + why);
    };
    router.register(SERVICE, method, prototype, refuse);
  }
}
