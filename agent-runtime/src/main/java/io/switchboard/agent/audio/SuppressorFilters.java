package io.switchboard.agent.audio;

import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.filter.AudioFilterFactory;
import java.util.function.Supplier;

/**
 * Per-call {@link SuppressorFilter}s from one suppressor that is loaded on the first call that
 * asks (RNNoise compiles for about a second; servers whose calls never ask pay nothing). A load
 * that fails is remembered: every later call is told the same reason at once.
 */
public final class SuppressorFilters implements AudioFilterFactory {
  private final String name;
  private final Supplier<NoiseSuppressor> loader;
  private NoiseSuppressor loaded;
  private String failure;

  /** @param name for messages ({@code RNNoise}) */
  public SuppressorFilters(String name, Supplier<NoiseSuppressor> loader) {
    this.name = name;
    this.loader = loader;
  }

  @Override
  public AudioFilter open() {
    return new SuppressorFilter(suppressor());
  }

  private synchronized NoiseSuppressor suppressor() {
    if (loaded == null && failure == null) {
      try {
        loaded = loader.get();
      } catch (RuntimeException | LinkageError e) {
        failure = name + " did not load: " + e;
      }
    }
    if (loaded == null) {
      throw new IllegalStateException(failure);
    }
    return loaded;
  }
}
