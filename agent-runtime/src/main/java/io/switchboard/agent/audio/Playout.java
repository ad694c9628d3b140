package io.switchboard.agent.audio;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import java.util.ArrayDeque;

/**
 * The agent's published track: plays queued speeches one after another, one 20 ms frame per
 * room tick. Pausing takes effect on the next frame. Reading allocates nothing.
 */
public final class Playout implements AudioSource {
  /** Called under the playout's lock on the media thread: hand off, never block. */
  public interface Listener {
    void started(SpeechAudio speech);

    void finished(SpeechAudio speech, boolean interrupted);
  }

  private final int sampleRate;
  private final Listener listener;
  private final ArrayDeque<SpeechAudio> queue = new ArrayDeque<>();
  private SpeechAudio current;
  private boolean currentStarted;
  private boolean paused;

  public Playout(int sampleRate, Listener listener) {
    PcmFrame.samplesPerFrame(sampleRate);
    this.sampleRate = sampleRate;
    this.listener = listener;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  public synchronized void enqueue(SpeechAudio speech) {
    queue.add(speech);
  }

  @Override
  public synchronized boolean read(PcmFrame into) {
    if (paused) {
      return false;
    }
    while (true) {
      if (current == null) {
        current = queue.poll();
        currentStarted = false;
        if (current == null) {
          return false;
        }
      }
      into.setSampleRate(sampleRate);
      int length = into.length();
      int n = current.readInto(into.samples(), length);
      if (n > 0) {
        if (!currentStarted) {
          currentStarted = true;
          listener.started(current);
        }
        java.util.Arrays.fill(into.samples(), n, length, (short) 0);
        return true;
      }
      if (!current.drained()) {
        return false; // synthesis is behind: a gap, not the end
      }
      SpeechAudio done = current;
      current = null;
      listener.finished(done, false);
    }
  }

  /** Stops the audio from the next frame on, keeping the position. */
  public synchronized void pause() {
    paused = true;
  }

  public synchronized void resume() {
    paused = false;
  }

  /** Drops {@code speech}, playing or queued; it finishes as interrupted. */
  public synchronized void stop(SpeechAudio speech) {
    if (speech == current) {
      current = null;
      paused = false;
      listener.finished(speech, true);
    } else if (queue.remove(speech)) {
      listener.finished(speech, true);
    }
  }

  /** Whether interruptible speech is being heard (started, not paused). */
  public synchronized boolean playingInterruptible() {
    return current != null && currentStarted && !paused && current.interruptible();
  }

  /** The speech being played or paused, or null. */
  public synchronized SpeechAudio current() {
    return current;
  }

  public synchronized boolean paused() {
    return paused;
  }
}
