package io.switchboard.agent.audio;

import io.switchboard.media.audio.PcmFrame;

/**
 * Cleans the caller's audio before voice activity detection and recognition (the slot RNNoise or
 * speexdsp fills). One {@link Stream} per audio stream.
 */
public interface NoiseSuppressor {
  /** Leaves audio as it is. */
  NoiseSuppressor NONE = rate -> frame -> {};

  Stream open(int sampleRate);

  /** Per-stream state. Media thread only; should not allocate per frame. */
  @FunctionalInterface
  interface Stream extends AutoCloseable {
    /** Suppresses noise in place. */
    void process(PcmFrame frame);

    @Override
    default void close() {}
  }
}
