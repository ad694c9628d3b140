package io.switchboard.sfu.api;

import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomInfo;
import io.switchboard.sfu.room.TrackInfo;
import java.time.Duration;
import livekit.LivekitModels;

/**
 * Our room records as LiveKit's protobuf messages ({@code livekit_models.proto}), for the Twirp
 * RoomService and for webhooks. Pure functions.
 */
public final class RoomProtos {
  private RoomProtos() {}

  /** A room with its timeouts in seconds and its creation time in seconds and milliseconds. */
  public static LivekitModels.Room room(RoomInfo room) {
    return LivekitModels.Room.newBuilder()
        .setSid(room.sid())
        .setName(room.name())
        .setEmptyTimeout(seconds(room.emptyTimeout()))
        .setDepartureTimeout(seconds(room.departureTimeout()))
        .setMaxParticipants(room.maxParticipants())
        .setCreationTime(room.createdAt().getEpochSecond())
        .setCreationTimeMs(room.createdAt().toEpochMilli())
        .setMetadata(room.metadata())
        .setNumParticipants(room.numParticipants())
        .setNumPublishers(room.numPublishers())
        .build();
  }

  /** Only the room's sid and name, as LiveKit puts the room into track webhooks. */
  public static LivekitModels.Room roomReference(RoomInfo room) {
    return LivekitModels.Room.newBuilder().setSid(room.sid()).setName(room.name()).build();
  }

  /** A participant still in its room: every in-process participant is ACTIVE as soon as it joins. */
  public static LivekitModels.ParticipantInfo participant(ParticipantInfo participant) {
    return participantBuilder(participant).setState(LivekitModels.ParticipantInfo.State.ACTIVE).build();
  }

  /** A participant that has left, as in LiveKit's participant_left webhook. */
  public static LivekitModels.ParticipantInfo departed(ParticipantInfo participant, DisconnectReason reason) {
    return participantBuilder(participant)
        .setState(LivekitModels.ParticipantInfo.State.DISCONNECTED)
        .setDisconnectReason(disconnectReason(reason))
        .build();
  }

  /** Only the participant's sid and identity, as LiveKit puts the participant into track webhooks. */
  public static LivekitModels.ParticipantInfo participantReference(ParticipantInfo participant) {
    return LivekitModels.ParticipantInfo.newBuilder()
        .setSid(participant.sid())
        .setIdentity(participant.identity())
        .build();
  }

  public static LivekitModels.TrackInfo track(TrackInfo track) {
    return LivekitModels.TrackInfo.newBuilder()
        .setSid(track.sid())
        .setName(track.name())
        .setType(trackType(track.kind()))
        .setSource(trackSource(track.source()))
        .setMuted(track.muted())
        .build();
  }

  public static LivekitModels.ParticipantInfo.Kind kind(ParticipantKind kind) {
    return switch (kind) {
      case STANDARD -> LivekitModels.ParticipantInfo.Kind.STANDARD;
      case INGRESS -> LivekitModels.ParticipantInfo.Kind.INGRESS;
      case EGRESS -> LivekitModels.ParticipantInfo.Kind.EGRESS;
      case SIP -> LivekitModels.ParticipantInfo.Kind.SIP;
      case AGENT -> LivekitModels.ParticipantInfo.Kind.AGENT;
    };
  }

  public static LivekitModels.DisconnectReason disconnectReason(DisconnectReason reason) {
    return switch (reason) {
      case UNKNOWN_REASON -> LivekitModels.DisconnectReason.UNKNOWN_REASON;
      case CLIENT_INITIATED -> LivekitModels.DisconnectReason.CLIENT_INITIATED;
      case DUPLICATE_IDENTITY -> LivekitModels.DisconnectReason.DUPLICATE_IDENTITY;
      case SERVER_SHUTDOWN -> LivekitModels.DisconnectReason.SERVER_SHUTDOWN;
      case PARTICIPANT_REMOVED -> LivekitModels.DisconnectReason.PARTICIPANT_REMOVED;
      case ROOM_DELETED -> LivekitModels.DisconnectReason.ROOM_DELETED;
      case STATE_MISMATCH -> LivekitModels.DisconnectReason.STATE_MISMATCH;
      case JOIN_FAILURE -> LivekitModels.DisconnectReason.JOIN_FAILURE;
      case MIGRATION -> LivekitModels.DisconnectReason.MIGRATION;
      case SIGNAL_CLOSE -> LivekitModels.DisconnectReason.SIGNAL_CLOSE;
      case ROOM_CLOSED -> LivekitModels.DisconnectReason.ROOM_CLOSED;
      case USER_UNAVAILABLE -> LivekitModels.DisconnectReason.USER_UNAVAILABLE;
      case USER_REJECTED -> LivekitModels.DisconnectReason.USER_REJECTED;
      case SIP_TRUNK_FAILURE -> LivekitModels.DisconnectReason.SIP_TRUNK_FAILURE;
      case CONNECTION_TIMEOUT -> LivekitModels.DisconnectReason.CONNECTION_TIMEOUT;
      case MEDIA_FAILURE -> LivekitModels.DisconnectReason.MEDIA_FAILURE;
    };
  }

  static LivekitModels.TrackType trackType(TrackInfo.TrackKind kind) {
    return switch (kind) {
      case AUDIO -> LivekitModels.TrackType.AUDIO;
      case VIDEO -> LivekitModels.TrackType.VIDEO;
      case DATA -> LivekitModels.TrackType.DATA;
    };
  }

  static LivekitModels.TrackSource trackSource(TrackInfo.TrackSource source) {
    return switch (source) {
      case UNKNOWN -> LivekitModels.TrackSource.UNKNOWN;
      case CAMERA -> LivekitModels.TrackSource.CAMERA;
      case MICROPHONE -> LivekitModels.TrackSource.MICROPHONE;
      case SCREEN_SHARE -> LivekitModels.TrackSource.SCREEN_SHARE;
      case SCREEN_SHARE_AUDIO -> LivekitModels.TrackSource.SCREEN_SHARE_AUDIO;
    };
  }

  private static LivekitModels.ParticipantInfo.Builder participantBuilder(ParticipantInfo p) {
    LivekitModels.ParticipantInfo.Builder b =
        LivekitModels.ParticipantInfo.newBuilder()
            .setSid(p.sid())
            .setIdentity(p.identity())
            .setName(p.name())
            .setKind(kind(p.kind()))
            .setMetadata(p.metadata())
            .putAllAttributes(p.attributes())
            .setJoinedAt(p.joinedAt().getEpochSecond())
            .setJoinedAtMs(p.joinedAt().toEpochMilli())
            // LiveKit's version is a uint32 that only ever grows; ours cannot pass 2^32 in practice.
            .setVersion((int) p.version())
            .setIsPublisher(!p.tracks().isEmpty());
    for (TrackInfo t : p.tracks()) {
      b.addTracks(track(t));
    }
    return b;
  }

  private static int seconds(Duration d) {
    return d == null ? 0 : (int) Math.min(d.toSeconds(), 0xFFFF_FFFFL);
  }
}
