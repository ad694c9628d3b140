package io.switchboard.sfu.room;

/** Why a participant left, in LiveKit's terms (livekit_models.proto DisconnectReason, same order). */
public enum DisconnectReason {
  UNKNOWN_REASON,
  CLIENT_INITIATED,
  DUPLICATE_IDENTITY,
  SERVER_SHUTDOWN,
  PARTICIPANT_REMOVED,
  ROOM_DELETED,
  STATE_MISMATCH,
  JOIN_FAILURE,
  MIGRATION,
  SIGNAL_CLOSE,
  ROOM_CLOSED,
  USER_UNAVAILABLE,
  USER_REJECTED,
  SIP_TRUNK_FAILURE,
  CONNECTION_TIMEOUT,
  MEDIA_FAILURE
}
