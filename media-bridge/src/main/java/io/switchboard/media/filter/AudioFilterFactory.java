package io.switchboard.media.filter;

/**
 * Opens one {@link AudioFilter} per stream (per call). Lets the SIP side ask for a filter whose
 * implementation lives in a module it must not depend on (RNNoise in agent-runtime).
 */
@FunctionalInterface
public interface AudioFilterFactory {
  /**
   * A filter for one new stream. May take a while the first time (loading a model), so call it
   * from a control thread, never from the media thread.
   *
   * @throws IllegalStateException naming why, when no filter can be had (the model did not load)
   */
  AudioFilter open();

  /** A factory that never has a filter, with {@code reason} as the failure. */
  static AudioFilterFactory unavailable(String reason) {
    return () -> {
      throw new IllegalStateException(reason);
    };
  }
}
