package io.switchboard.agent.audio;

import io.switchboard.media.filter.AudioFilter;
import io.switchboard.media.filter.AudioFilterFactory;
import io.switchboard.media.audio.PcmFrame;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Per-call {@link SuppressorFilter}s from one suppressor that is loaded on the first call that
 * asks (RNNoise compiles for about a second; servers whose calls never ask pay nothing). A load
 * that fails is remembered: every later call is told the same reason at once. Freshly loaded
 * code is slow until the JIT has compiled it (tens of ms per frame for the first few hundred
 * frames), so a warm-up stream can be run in the background right after the load.
 */
public final class SuppressorFilters implements AudioFilterFactory {
  private final String name;
  private final Supplier<NoiseSuppressor> loader;
  private final Executor warmUp;
  private final int warmUpFrames;
  private final CompletableFuture<Void> warmed = new CompletableFuture<>();
  private NoiseSuppressor loaded;
  private String failure;

  /** @param name for messages ({@code RNNoise}) */
  public SuppressorFilters(String name, Supplier<NoiseSuppressor> loader) {
    this(name, loader, Runnable::run, 0);
  }

  /**
   * @param warmUp where, right after the load, {@code warmUpFrames} frames of noise go through a
   *     throwaway filter (not the media threads, not the caller's)
   */
  public SuppressorFilters(String name, Supplier<NoiseSuppressor> loader, Executor warmUp, int warmUpFrames) {
    this.name = name;
    this.loader = loader;
    this.warmUp = warmUp;
    this.warmUpFrames = warmUpFrames;
  }

  /**
   * Loads the suppressor now (on this thread) and completes once its warm-up has run: lets a
   * server get ready before its first call asks. Completes exceptionally when it cannot load.
   */
  public CompletionStage<Void> warm() {
    try {
      suppressor();
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    return warmed.copy();
  }

  @Override
  public AudioFilter open() {
    return new SuppressorFilter(suppressor());
  }

  private synchronized NoiseSuppressor suppressor() {
    if (loaded == null && failure == null) {
      try {
        loaded = loader.get();
        if (warmUpFrames > 0) {
          AudioFilter throwaway = new SuppressorFilter(loaded);
          warmUp.execute(() -> {
            warm(throwaway, warmUpFrames);
            warmed.complete(null);
          });
        } else {
          warmed.complete(null);
        }
      } catch (RuntimeException | LinkageError e) {
        failure = name + " did not load: " + e;
      }
    }
    if (loaded == null) {
      throw new IllegalStateException(failure);
    }
    return loaded;
  }

  private static void warm(AudioFilter filter, int frames) {
    PcmFrame frame = new PcmFrame(8000);
    Random random = new Random(1);
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < frame.length(); i++) {
        frame.samples()[i] = (short) (random.nextGaussian() * 1000);
      }
      filter.process(frame);
    }
  }
}
