package io.switchboard.sfu.room;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import java.util.Map;

/**
 * The handle an in-process participant holds: SIP callers, agents and recorders all join rooms
 * through it. Audio is pulled from the participant's sources and pushed to its sink once per
 * 20 ms media tick by the room.
 */
public interface LocalParticipant {
  ParticipantInfo info();

  String roomName();

  /** Publishes a microphone track read from {@code source} every tick. */
  TrackInfo publishAudio(String trackName, AudioSource source);

  /**
   * Publishes a video track. The room only lists it: its media goes from the publishing
   * connection to subscribers directly (no mixing, no decoding).
   */
  TrackInfo publishVideo(String trackName, TrackInfo.TrackSource source);

  /**
   * Publishes a track this participant had in the room it moved from, keeping its sid, name,
   * source and mute state (LiveKit moves published tracks as they are). Audio is read from
   * {@code audio} every tick; a video track's {@code audio} is null (the room only lists it).
   *
   * @throws IllegalArgumentException when this participant already publishes a track with that sid
   */
  TrackInfo republish(TrackInfo track, AudioSource audio);

  void unpublish(String trackSid);

  void setMuted(String trackSid, boolean muted);

  /** Delivers, every tick, the mix of every other participant's audio ("mix-minus"). */
  void subscribeMix(AudioSink sink);

  /** Merges attribute changes; an empty value deletes the key, as in LiveKit. */
  void updateAttributes(Map<String, String> changes);

  void updateMetadata(String metadata);

  /**
   * Sends {@code message} to the other participants, or only to {@code destinationIdentities}
   * when that is not empty (identities not in the room are skipped, as in LiveKit). They receive
   * it through {@link ParticipantListener#onData} with this participant as the sender.
   *
   * @throws IllegalStateException when this participant has left
   */
  void publishData(DataMessage message, DataPacket.Kind kind, java.util.List<String> destinationIdentities);

  /** Sends {@code message} reliably to every other participant. */
  default void publishData(DataMessage message) {
    publishData(message, DataPacket.Kind.RELIABLE, java.util.List.of());
  }

  /** Leaves the room. Idempotent. */
  void leave(DisconnectReason reason);

  boolean isConnected();
}
