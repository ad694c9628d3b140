package io.switchboard.egress.api;

import com.google.protobuf.Message;
import io.switchboard.egress.EgressException;
import io.switchboard.egress.EgressManager;
import io.switchboard.egress.EgressSource;
import io.switchboard.egress.FileTarget;
import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpException;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import java.time.Clock;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.ListEgressRequest;
import livekit.LivekitEgress.ListEgressResponse;
import livekit.LivekitEgress.ParticipantEgressRequest;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitEgress.StopEgressRequest;
import livekit.LivekitEgress.TrackCompositeEgressRequest;
import livekit.LivekitEgress.TrackEgressRequest;
import livekit.LivekitEgress.UpdateLayoutRequest;
import livekit.LivekitEgress.UpdateStreamRequest;
import livekit.LivekitEgress.WebEgressRequest;

/**
 * LiveKit's Twirp {@code livekit.Egress}, recording audio inside this server. Every method needs
 * the {@code roomRecord} grant (LiveKit's {@code EnsureRecordPermission}); a missing grant is
 * {@code unauthenticated}, as LiveKit answers it. Video, streams and web pages are refused with
 * {@code unimplemented} and a reason.
 */
public final class EgressApiService {
  public static final String SERVICE = "livekit.Egress";

  private final EgressManager egress;
  private final RoomManager rooms;
  private final EgressRequests requests;

  public EgressApiService(EgressManager egress, RoomManager rooms, Clock clock) {
    this.egress = egress;
    this.rooms = rooms;
    this.requests = new EgressRequests(egress, clock);
  }

  public void register(TwirpRouter router) {
    method(router, "StartRoomCompositeEgress", RoomCompositeEgressRequest.getDefaultInstance(), (c, r) -> {
      EgressSource source = requests.source(r);
      return start(source, requests.target(r, roomId(source)), b -> b.setRoomComposite(Redact.request(r)));
    });
    method(router, "StartParticipantEgress", ParticipantEgressRequest.getDefaultInstance(), (c, r) -> {
      EgressSource source = requests.source(r);
      return start(source, requests.target(r, roomId(source)), b -> b.setParticipant(Redact.request(r)));
    });
    method(router, "StartTrackEgress", TrackEgressRequest.getDefaultInstance(), (c, r) -> {
      EgressSource source = requests.source(r);
      return start(source, requests.target(r, roomId(source), publisher(source.room(), r.getTrackId())),
          b -> b.setTrack(Redact.request(r)));
    });
    method(router, "StopEgress", StopEgressRequest.getDefaultInstance(), (c, r) -> {
      if (r.getEgressId().isEmpty()) {
        throw TwirpException.requiredArgument("egress_id");
      }
      return egress.stop(r.getEgressId());
    });
    method(router, "ListEgress", ListEgressRequest.getDefaultInstance(), (c, r) ->
        ListEgressResponse.newBuilder().addAllItems(egress.list(r.getRoomName(), r.getEgressId(), r.getActive())).build());
    refuse(router, "StartWebEgress", WebEgressRequest.getDefaultInstance(),
        "recording web pages needs a browser, which this server does not run");
    refuse(router, "StartTrackCompositeEgress", TrackCompositeEgressRequest.getDefaultInstance(),
        "track composites combine video; record audio with StartTrackEgress or StartRoomCompositeEgress (audio_only)");
    refuse(router, "UpdateLayout", UpdateLayoutRequest.getDefaultInstance(),
        "audio recordings have no layout");
    refuse(router, "UpdateStream", UpdateStreamRequest.getDefaultInstance(),
        "this server records to files, not streams");
  }

  private String roomId(EgressSource source) {
    return rooms.room(source.room()).map(Room::sid)
        .orElseThrow(() -> TwirpException.notFound("requested room does not exist: \"" + source.room() + "\""));
  }

  /** Who publishes track {@code trackSid}, for {@code {publisher_identity}} in a track's filepath. */
  private String publisher(String room, String trackSid) {
    return rooms.room(room).stream().flatMap(x -> x.participants().stream())
        .filter(p -> p.tracks().stream().anyMatch(t -> t.sid().equals(trackSid)))
        .map(io.switchboard.sfu.room.ParticipantInfo::identity).findFirst().orElse("");
  }

  private EgressInfo start(EgressSource source, FileTarget target, Consumer<EgressInfo.Builder> request) {
    return egress.start(source, target, request);
  }

  private static <Req extends Message> void method(
      TwirpRouter router, String name, Req prototype, BiFunction<TwirpContext, Req, ? extends Message> handler) {
    router.register(SERVICE, name, prototype, (context, request) -> {
      requireRecord(context);
      try {
        return handler.apply(context, request);
      } catch (EgressException e) {
        throw switch (e.kind()) {
          case INVALID_ARGUMENT -> TwirpException.invalidArgument("request", e.getMessage());
          case NOT_FOUND -> TwirpException.notFound(e.getMessage());
          case FAILED_PRECONDITION -> TwirpException.failedPrecondition(e.getMessage());
          case UNIMPLEMENTED -> TwirpException.unimplemented(e.getMessage());
        };
      }
    });
  }

  private static <Req extends Message> void refuse(TwirpRouter router, String name, Req prototype, String why) {
    method(router, name, prototype, (c, r) -> {
      throw TwirpException.unimplemented(SERVICE + "/" + name + " is not implemented: " + why);
    });
  }

  private static void requireRecord(TwirpContext context) {
    if (!context.grants().video().roomRecord()) {
      throw TwirpException.unauthenticated(
          "permissions denied: " + context.service() + "/" + context.method() + " needs the roomRecord grant");
    }
  }
}
