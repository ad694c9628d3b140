package io.switchboard.agent.stt;

/** A recognition result. */
public sealed interface SttEvent {
  /** A guess that may still change. */
  record Interim(String text) implements SttEvent {}

  /** Settled text for part of the speech; {@code confidence} in 0..1, or NaN if unknown. */
  record Final(String text, double confidence) implements SttEvent {}

  /**
   * Recognition of a segment failed (a provider error); the session reports it and goes on. A
   * {@link SegmentDone} still follows.
   */
  record Failed(RuntimeException cause) implements SttEvent {}

  /** Everything up to the last {@code endOfSpeech()} has been delivered. */
  record SegmentDone() implements SttEvent {}
}
