package io.switchboard.agent.vad;

import io.switchboard.media.audio.PcmFrame;

/** A detector's state for one audio stream. Media thread only. */
public interface VadStream extends AutoCloseable {
  /** The probability (0..1) that the stream is speech as of this frame. */
  float process(PcmFrame frame);

  @Override
  default void close() {}
}
