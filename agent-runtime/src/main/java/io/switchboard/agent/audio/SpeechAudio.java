package io.switchboard.agent.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The audio of one agent speech, written by synthesis and read by the playout, with the text of
 * each synthesised piece aligned to its samples so an interrupted speech can tell what the
 * caller heard. Thread-safe.
 */
public final class SpeechAudio {
  /** {@code text} was synthesised into samples [start, end). */
  public record TextSpan(String text, int start, int end) {}

  private short[] samples = new short[16_000];
  private int written;
  private int read;
  private boolean complete;
  private final List<TextSpan> spans = new ArrayList<>();
  private final boolean interruptible;

  public SpeechAudio(boolean interruptible) {
    this.interruptible = interruptible;
  }

  /** Whether the user may cut this speech off. */
  public boolean interruptible() {
    return interruptible;
  }

  /** Appends synthesised audio (copied). */
  public synchronized void append(short[] from, int offset, int length) {
    if (complete) {
      throw new IllegalStateException("speech audio is already complete");
    }
    if (written + length > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, written + length));
    }
    System.arraycopy(from, offset, samples, written, length);
    written += length;
  }

  /** Samples written so far; a span starts here. */
  public synchronized int written() {
    return written;
  }

  /** Records that {@code text} became the samples from {@code start} to what is written now. */
  public synchronized void spoke(String text, int start) {
    spans.add(new TextSpan(text, start, written));
  }

  /** No more audio will come. */
  public synchronized void complete() {
    complete = true;
  }

  public synchronized boolean isComplete() {
    return complete;
  }

  /** Copies up to {@code length} unplayed samples; returns how many. Allocates nothing. */
  public synchronized int readInto(short[] into, int length) {
    int n = Math.min(length, written - read);
    System.arraycopy(samples, read, into, 0, n);
    read += n;
    return n;
  }

  /** Every sample written was played and no more will come. */
  public synchronized boolean drained() {
    return complete && read == written;
  }

  public synchronized int played() {
    return read;
  }

  /** The text whose audio was played: whole spans, then the share of words of a partial one. */
  public synchronized String playedText() {
    return PlayedText.of(spans, read);
  }

  /** All text synthesised. */
  public synchronized String fullText() {
    return PlayedText.of(spans, Integer.MAX_VALUE);
  }
}
