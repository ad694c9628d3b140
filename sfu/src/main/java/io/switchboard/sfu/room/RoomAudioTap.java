package io.switchboard.sfu.room;

import io.switchboard.media.audio.PcmFrame;

/**
 * Sees the audio the room has already decoded, once per 20 ms tick, without copies: recorders use
 * it so nothing is decoded twice. Called on the media thread; implementations must not block or
 * allocate, and must copy what they keep (frames are reused after the call returns).
 */
public interface RoomAudioTap {
  /** The rate every frame handed to {@link #onTrack} has; converted once per track and rate. */
  int sampleRate();

  /** One audible (published, unmuted, with audio this tick) track's frame at {@link #sampleRate()}. */
  void onTrack(String participantSid, String trackSid, PcmFrame frame);

  /** Every audible track of this tick has been handed over. Called every tick, even with none. */
  void onTickEnd();
}
