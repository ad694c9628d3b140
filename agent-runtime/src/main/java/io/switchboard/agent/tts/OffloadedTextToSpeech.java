package io.switchboard.agent.tts;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs another synthesiser's CPU-bound work on {@code inference} (platform threads) while the
 * caller, typically a virtual thread, waits. A virtual thread computing for long never yields its
 * carrier, and with few cores that stalls every other virtual thread, RTP receive loops included;
 * the OS time-slices platform threads instead. Interrupting the caller cancels the synthesis.
 */
public final class OffloadedTextToSpeech implements TextToSpeech {
  private final TextToSpeech inner;
  private final ExecutorService inference;

  public OffloadedTextToSpeech(TextToSpeech inner, ExecutorService inference) {
    this.inner = inner;
    this.inference = inference;
  }

  /** The synthesiser doing the work. */
  public TextToSpeech inner() {
    return inner;
  }

  @Override
  public int sampleRate() {
    return inner.sampleRate();
  }

  @Override
  public String label() {
    return inner.label();
  }

  @Override
  public void synthesize(String text, TtsOutput out) throws InterruptedException {
    Future<?> work = inference.submit(() -> {
      inner.synthesize(text, out);
      return null;
    });
    try {
      work.get();
    } catch (InterruptedException e) {
      work.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case InterruptedException cancelled -> throw new InterruptedException(cancelled.getMessage());
        case RuntimeException failure -> throw failure;
        case Error error -> throw error;
        default -> throw new IllegalStateException(inner.label() + " failed", e.getCause());
      }
    }
  }
}
