package io.switchboard.sfu.signal;

import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.sfu.api.RoomProtos;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.RoomInfo;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels;
import livekit.LivekitRtc;
import livekit.LivekitRtc.SignalResponse;

/** Builds the SignalResponses a session sends. */
final class SignalMessages {
  private SignalMessages() {}

  /**
   * @param grant the joining participant's rights, sent as its permission: livekit-client refuses
   *     to publish unless its own ParticipantInfo says it may
   */
  static SignalResponse join(
      RoomInfo room,
      ParticipantInfo self,
      VideoGrant grant,
      List<ParticipantInfo> others,
      SignalSettings settings) {
    LivekitRtc.JoinResponse.Builder join =
        LivekitRtc.JoinResponse.newBuilder()
            .setRoom(RoomProtos.room(room))
            .setParticipant(RoomProtos.participant(self).toBuilder().setPermission(permission(grant)))
            .setServerVersion(settings.serverVersion())
            .setServerInfo(
                LivekitModels.ServerInfo.newBuilder()
                    .setEdition(LivekitModels.ServerInfo.Edition.Standard)
                    .setVersion(settings.serverVersion())
                    .setProtocol(SignalSettings.PROTOCOL)
                    .setNodeId("switchboard"))
            .setSubscriberPrimary(true)
            // No session resume yet: JS clients then do a full reconnect straight away.
            .setClientConfiguration(
                LivekitModels.ClientConfiguration.newBuilder()
                    .setResumeConnection(LivekitModels.ClientConfigSetting.DISABLED))
            .setPingInterval(settings.pingIntervalSeconds())
            .setPingTimeout(settings.pingTimeoutSeconds())
            // Only what is forwarded: Opus, VP8 and H.264 (constrained baseline, packetization mode 1).
            .addEnabledPublishCodecs(
                LivekitModels.Codec.newBuilder().setMime("audio/opus").setFmtpLine("minptime=10;useinbandfec=1"));
    for (io.switchboard.sfu.webrtc.VideoCodec codec : io.switchboard.sfu.webrtc.VideoCodec.values()) {
      join.addEnabledPublishCodecs(LivekitModels.Codec.newBuilder().setMime(codec.mime()).setFmtpLine(codec.fmtp()));
    }
    others.forEach(p -> join.addOtherParticipants(RoomProtos.participant(p)));
    for (IceServer ice : settings.iceServers()) {
      join.addIceServers(LivekitRtc.ICEServer.newBuilder()
          .addAllUrls(ice.urls()).setUsername(ice.username()).setCredential(ice.credential()));
    }
    return SignalResponse.newBuilder().setJoin(join).build();
  }

  /** LiveKit's ParticipantPermission for a token's video grant. */
  static LivekitModels.ParticipantPermission permission(VideoGrant grant) {
    LivekitModels.ParticipantPermission.Builder permission =
        LivekitModels.ParticipantPermission.newBuilder()
            .setCanSubscribe(grant.canSubscribe())
            .setCanPublish(grant.canPublish())
            .setCanPublishData(grant.canPublishData())
            .setCanUpdateMetadata(grant.canUpdateOwnMetadata())
            .setHidden(grant.hidden())
            .setAgent(grant.agent())
            .setCanSubscribeMetrics(grant.canSubscribeMetrics());
    for (String source : grant.canPublishSources()) {
      try {
        permission.addCanPublishSources(LivekitModels.TrackSource.valueOf(source.toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException unknownSource) {
        // A source this protocol version does not know cannot be published anyway.
      }
    }
    return permission.build();
  }

  static SignalResponse update(LivekitModels.ParticipantInfo participant) {
    return SignalResponse.newBuilder()
        .setUpdate(LivekitRtc.ParticipantUpdate.newBuilder().addParticipants(participant))
        .build();
  }

  static SignalResponse updated(ParticipantInfo participant) {
    return update(RoomProtos.participant(participant));
  }

  /** A departed participant; its version goes one past the last so clients do not drop it. */
  static SignalResponse departed(ParticipantInfo participant, DisconnectReason reason) {
    return update(
        RoomProtos.departed(participant, reason).toBuilder()
            .setVersion((int) participant.version() + 1)
            .build());
  }

  static SignalResponse offer(String sdp, int id, Map<String, String> midToTrackId) {
    return SignalResponse.newBuilder()
        .setOffer(
            LivekitRtc.SessionDescription.newBuilder()
                .setType("offer")
                .setSdp(sdp)
                .setId(id)
                .putAllMidToTrackId(midToTrackId))
        .build();
  }

  static SignalResponse answer(String sdp, int id) {
    return SignalResponse.newBuilder()
        .setAnswer(LivekitRtc.SessionDescription.newBuilder().setType("answer").setSdp(sdp).setId(id))
        .build();
  }

  static SignalResponse leave(DisconnectReason reason) {
    return leave(reason, LivekitRtc.LeaveRequest.Action.DISCONNECT);
  }

  static SignalResponse leave(DisconnectReason reason, LivekitRtc.LeaveRequest.Action action) {
    return SignalResponse.newBuilder()
        .setLeave(
            LivekitRtc.LeaveRequest.newBuilder()
                .setReason(RoomProtos.disconnectReason(reason))
                .setAction(action)
                .setCanReconnect(action != LivekitRtc.LeaveRequest.Action.DISCONNECT))
        .build();
  }

  static SignalResponse pong(LivekitRtc.Ping ping, long nowMillis) {
    return SignalResponse.newBuilder()
        .setPongResp(
            LivekitRtc.Pong.newBuilder().setLastPingTimestamp(ping.getTimestamp()).setTimestamp(nowMillis))
        .build();
  }

  /**
   * LiveKit's RoomMovedResponse: the room the client is now in, its token for that room, its own
   * participant there (with its permission, as in the join) and the others already there.
   */
  static SignalResponse roomMoved(
      RoomInfo room, String token, ParticipantInfo self, VideoGrant grant, List<ParticipantInfo> others) {
    LivekitRtc.RoomMovedResponse.Builder moved = LivekitRtc.RoomMovedResponse.newBuilder()
        .setRoom(RoomProtos.room(room))
        .setToken(token)
        .setParticipant(RoomProtos.participant(self).toBuilder().setPermission(permission(grant)));
    others.forEach(p -> moved.addOtherParticipants(RoomProtos.participant(p)));
    return SignalResponse.newBuilder().setRoomMoved(moved).build();
  }

  static SignalResponse room(RoomInfo room) {
    return SignalResponse.newBuilder()
        .setRoomUpdate(LivekitRtc.RoomUpdate.newBuilder().setRoom(RoomProtos.room(room)))
        .build();
  }

  static SignalResponse requestResponse(
      int requestId, LivekitRtc.RequestResponse.Reason reason, String message) {
    return SignalResponse.newBuilder()
        .setRequestResponse(
            LivekitRtc.RequestResponse.newBuilder()
                .setRequestId(requestId)
                .setReason(reason)
                .setMessage(message))
        .build();
  }
}
