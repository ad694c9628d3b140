package io.switchboard.media.audio;

/** Something that yields one 20 ms PCM frame each time the media clock ticks. */
public interface AudioSource {
  /** The rate of the frames this source produces. */
  int sampleRate();

  /**
   * Fills {@code into} with the next 20 ms of audio at {@link #sampleRate()}.
   *
   * @return false when the source has nothing for this tick (the frame is then left
   *     untouched and the caller treats it as silence)
   */
  boolean read(PcmFrame into);
}
