package io.switchboard.sfu.room;

/** LiveKit's participant kinds (livekit_models.proto ParticipantInfo.Kind), same order. */
public enum ParticipantKind {
  STANDARD,
  INGRESS,
  EGRESS,
  SIP,
  AGENT
}
