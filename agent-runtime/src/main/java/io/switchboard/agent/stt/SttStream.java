package io.switchboard.agent.stt;

import io.switchboard.media.audio.PcmFrame;

/** One recognition stream. */
public interface SttStream extends AutoCloseable {
  /** The next frame of the user's speech. Media thread: copies the frame, never blocks. */
  void push(PcmFrame frame);

  /**
   * The voice activity detector says the user stopped speaking. The stream delivers its last
   * {@link SttEvent.Final}s for the speech pushed so far, then exactly one
   * {@link SttEvent.SegmentDone}.
   */
  void endOfSpeech();

  @Override
  void close();
}
