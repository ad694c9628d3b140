package io.switchboard.agent.pipeline;

/**
 * Decides when the user's turn is over, counting 20 ms frames of received audio. After the VAD's
 * end of speech it waits {@code delayFrames}; the turn is committed once that has passed and the
 * recogniser has finished every segment it was asked to finish. Speech resuming first continues
 * the same turn.
 *
 * <p>A slow recogniser is waited for at most {@code maxDelayFrames} (LiveKit's max endpointing
 * delay): then the words it has delivered are committed, and the segments still out become late.
 * Late words join the user's next turn if they speak again, or are a turn of their own once the
 * last late segment is done. With no words delivered yet there is nothing to commit: the turn
 * waits for the recogniser's segment as without a max delay. Not thread-safe: the owner
 * serialises calls.
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
  private final int maxDelayFrames;
  private final Listener listener;
  private final StringBuilder transcript = new StringBuilder();
  private State state = State.IDLE;
  private int pendingSegments;
  private int waitedFrames;
  private boolean delayElapsed;
  private boolean maxDelayElapsed;
  private int lateSegments;

  /** Waits for the recogniser as long as it takes. */
  public Endpointing(int delayFrames, Listener listener) {
    this(delayFrames, Integer.MAX_VALUE, listener);
  }

  public Endpointing(int delayFrames, int maxDelayFrames, Listener listener) {
    if (delayFrames < 0) {
      throw new IllegalArgumentException("endpointing delay must not be negative: " + delayFrames + " frames");
    }
    if (maxDelayFrames < delayFrames) {
      throw new IllegalArgumentException(
          "endpointing max delay (" + maxDelayFrames + " frames) is shorter than its min delay (" + delayFrames + ")");
    }
    this.delayFrames = delayFrames;
    this.maxDelayFrames = maxDelayFrames;
    this.listener = listener;
  }

  public void speechStarted() {
    state = State.SPEAKING;
    delayElapsed = false;
    maxDelayElapsed = false;
  }

  /** The VAD's end of speech; the recogniser was asked to finish the segment. */
  public void speechEnded() {
    state = State.WAITING;
    pendingSegments++;
    waitedFrames = 0;
    delayElapsed = delayFrames == 0;
    maxDelayElapsed = false;
    tryCommit();
  }

  /** One more 20 ms frame of audio was received. */
  public void frame() {
    if (state != State.WAITING || maxDelayElapsed) {
      return;
    }
    waitedFrames++;
    if (!delayElapsed && waitedFrames >= delayFrames) {
      delayElapsed = true;
      tryCommit();
    }
    if (state == State.WAITING && waitedFrames >= maxDelayFrames) {
      maxDelayElapsed = true;
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

  /** The recogniser finished a segment (they finish in the order they were asked for). */
  public void segmentDone() {
    if (lateSegments > 0) {
      lateSegments--;
      if (lateSegments == 0 && state == State.IDLE && !transcript.isEmpty()) {
        commit();
      }
      return;
    }
    if (pendingSegments > 0) {
      pendingSegments--;
    }
    tryCommit();
  }

  State state() {
    return state;
  }

  private void tryCommit() {
    if (state != State.WAITING || !delayElapsed) {
      return;
    }
    if (pendingSegments > 0) {
      if (!maxDelayElapsed || transcript.isEmpty()) {
        return;
      }
      lateSegments += pendingSegments;
      pendingSegments = 0;
    }
    state = State.IDLE;
    maxDelayElapsed = false;
    if (transcript.isEmpty()) {
      listener.nothingSaid();
      return;
    }
    commit();
  }

  private void commit() {
    String text = transcript.toString();
    transcript.setLength(0);
    listener.endOfTurn(text);
  }
}
