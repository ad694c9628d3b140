package io.switchboard.sfu.room;

/** A published track as the room describes it to others. */
public record TrackInfo(String sid, String name, TrackKind kind, TrackSource source, boolean muted) {

  /** LiveKit's TrackType. */
  public enum TrackKind {
    AUDIO,
    VIDEO,
    DATA
  }

  /** LiveKit's TrackSource, same order. */
  public enum TrackSource {
    UNKNOWN,
    CAMERA,
    MICROPHONE,
    SCREEN_SHARE,
    SCREEN_SHARE_AUDIO
  }

  TrackInfo withMuted(boolean muted) {
    return new TrackInfo(sid, name, kind, source, muted);
  }
}
