package io.switchboard.sfu.api;

import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.protocol.twirp.TwirpContext;
import io.switchboard.protocol.twirp.TwirpException;

/**
 * Grant checks and errors of the RoomService, as LiveKit's {@code pkg/service/auth.go} and
 * {@code errors.go} make them. LiveKit answers a missing grant with Twirp {@code unauthenticated}
 * (its {@code twirpAuthError}), not {@code permission_denied}, and SDK users match on that code,
 * so we do the same; our message adds which grant was missing.
 */
final class RoomApiErrors {
  private RoomApiErrors() {}

  /** {@code EnsureCreatePermission}: CreateRoom and DeleteRoom. */
  static void requireCreate(TwirpContext context) {
    if (!context.grants().video().roomCreate()) {
      throw denied(context, "the roomCreate grant");
    }
  }

  /** {@code EnsureListPermission}: ListRooms. */
  static void requireList(TwirpContext context) {
    if (!context.grants().video().roomList()) {
      throw denied(context, "the roomList grant");
    }
  }

  /** {@code EnsureAdminPermission}: roomAdmin, for exactly the room the request names. */
  static void requireAdmin(TwirpContext context, String room) {
    VideoGrant video = context.grants().video();
    if (!video.roomAdmin()) {
      throw denied(context, "the roomAdmin grant");
    }
    if (!video.room().equals(room)) {
      throw denied(
          context,
          "roomAdmin for room \"" + room + "\" (the token is for room \"" + video.room() + "\")");
    }
  }

  /**
   * {@code EnsureDestRoomPermission} (MoveParticipant): roomAdmin for the source room, and the
   * token's {@code destinationRoom} is the room the participant goes to.
   */
  static void requireAdminOfBoth(TwirpContext context, String room, String destinationRoom) {
    requireAdmin(context, room);
    String granted = context.grants().video().destinationRoom();
    if (!granted.equals(destinationRoom)) {
      throw denied(context, "destinationRoom \"" + destinationRoom + "\" in its grant (the token's destinationRoom is \""
          + granted + "\")");
    }
  }

  /** LiveKit's {@code ErrRoomNotFound}. */
  static TwirpException roomNotFound(String room) {
    return TwirpException.notFound("requested room does not exist: \"" + room + "\"");
  }

  /** LiveKit's {@code ErrParticipantNotFound}. */
  static TwirpException participantNotFound(String room, String identity) {
    return TwirpException.notFound(
        "participant does not exist: no \"" + identity + "\" in room \"" + room + "\"");
  }

  /** LiveKit's {@code ErrTrackNotFound}. */
  static TwirpException trackNotFound(String identity, String trackSid) {
    return TwirpException.notFound(
        "track is not found: \"" + identity + "\" has not published " + trackSid);
  }

  static String requireName(String value, String field) {
    if (value.isEmpty()) {
      throw TwirpException.requiredArgument(field);
    }
    return value;
  }

  private static TwirpException denied(TwirpContext context, String needed) {
    return TwirpException.unauthenticated(
        "permissions denied: " + context.service() + "/" + context.method() + " needs " + needed);
  }
}
