package io.switchboard.agent.pipeline;

/**
 * Decides when the user's turn is over, counting 20 ms frames of received audio. After the VAD's
 * end of speech it waits {@code delayFrames}; the turn is committed once that has passed and the
 * recogniser has finished every segment it was asked to finish. Speech resuming first continues
 * the same turn. Not thread-safe: the owner serialises calls.
 */
public final class Endpointing {
  /** Where decisions go, synchronously. */
  public interface Listener {
    /** The user's turn is over; {@code transcript} is what they said (never blank). */
    void endOfTurn(String transcript);

    /** The user made sound but no words were recognised: no turn. */
    void nothingSaid();
  }

  enum State {
    IDLE,
    SPEAKING,
    WAITING
  }

  private final int delayFrames;
  private final Listener listener;
  private final StringBuilder transcript = new StringBuilder();
  private State state = State.IDLE;
  private int pendingSegments;
  private int waitedFrames;
  private boolean delayElapsed;

  public Endpointing(int delayFrames, Listener listener) {
    if (delayFrames < 0) {
      throw new IllegalArgumentException("endpointing delay must not be negative: " + delayFrames + " frames");
    }
    this.delayFrames = delayFrames;
    this.listener = listener;
  }

  public void speechStarted() {
    state = State.SPEAKING;
    delayElapsed = false;
  }

  /** The VAD's end of speech; the recogniser was asked to finish the segment. */
  public void speechEnded() {
    state = State.WAITING;
    pendingSegments++;
    waitedFrames = 0;
    delayElapsed = delayFrames == 0;
    tryCommit();
  }

  /** One more 20 ms frame of audio was received. */
  public void frame() {
    if (state == State.WAITING && !delayElapsed && ++waitedFrames >= delayFrames) {
      delayElapsed = true;
      tryCommit();
    }
  }

  /** A final transcript for part of the user's speech. */
  public void transcript(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return;
    }
    if (!transcript.isEmpty()) {
      transcript.append(' ');
    }
    transcript.append(t);
  }

  /** The recogniser finished a segment. */
  public void segmentDone() {
    if (pendingSegments > 0) {
      pendingSegments--;
    }
    tryCommit();
  }

  State state() {
    return state;
  }

  private void tryCommit() {
    if (state != State.WAITING || !delayElapsed || pendingSegments > 0) {
      return;
    }
    state = State.IDLE;
    if (transcript.isEmpty()) {
      listener.nothingSaid();
      return;
    }
    String text = transcript.toString();
    transcript.setLength(0);
    listener.endOfTurn(text);
  }
}
