package io.switchboard.media.filter;

import io.switchboard.media.audio.PcmFrame;

/**
 * Changes one stream's audio in place, a 20 ms frame at a time: noise suppression on a phone's
 * audio before the room hears it. One instance per stream, called from one thread at a time (the
 * media thread that reads the stream); it keeps the stream's state and allocates nothing per frame.
 */
@FunctionalInterface
public interface AudioFilter {
  /**
   * Filters {@code frame} in place at its own rate (8, 16 or 48 kHz). A stream whose rate changes
   * (a re-INVITE from G.711 to G.722) just goes on; the filter follows.
   */
  void process(PcmFrame frame);
}
