package io.switchboard.sfu.room;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;

/**
 * The mechanics of moving an in-process participant whose owner feeds one audio track and hears
 * the room's mix (a SIP call): shared by every {@link MovableParticipant}, so they move alike.
 */
public final class RoomMoves {
  private RoomMoves() {}

  /**
   * Joins {@code destination} with {@code from}'s identity, name, kind, metadata and attributes;
   * then {@code from} leaves its room (reason {@link DisconnectReason#MIGRATION}, without telling
   * the owner, who is not going anywhere); then the audio is published again (muted if it was)
   * and the mix subscribed in the new room. Leaving before the media moves means each 20 ms frame
   * is pulled by one room only, and the phone never hears two mixes at once.
   *
   * @param audioTrack the name of the audio track to publish in {@code destination}
   * @throws RoomFullException when {@code destination} is full: then nothing has changed
   * @throws IllegalStateException when {@code destination} is closed: then nothing has changed
   */
  public static LocalParticipant move(
      LocalParticipant from,
      Room destination,
      ParticipantListener owner,
      String audioTrack,
      AudioSource audio,
      AudioSink mix) {
    ParticipantInfo info = from.info();
    if (from.roomName().equals(destination.name())) {
      throw new IllegalArgumentException(info.identity() + " is already in room " + destination.name());
    }
    boolean muted = info.tracks().stream()
        .anyMatch(t -> t.kind() == TrackInfo.TrackKind.AUDIO && t.name().equals(audioTrack) && t.muted());
    LocalParticipant to = destination.join(
        new ParticipantSpec(info.identity(), info.name(), info.kind(), info.metadata(), info.attributes()), owner);
    from.leave(DisconnectReason.MIGRATION);
    TrackInfo track = to.publishAudio(audioTrack, audio);
    if (muted) {
      to.setMuted(track.sid(), true);
    }
    to.subscribeMix(mix);
    return to;
  }
}
