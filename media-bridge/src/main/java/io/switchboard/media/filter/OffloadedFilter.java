package io.switchboard.media.filter;

import io.switchboard.media.audio.PcmFrame;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs a costly filter (RNNoise: a few ms per frame, much more while the JIT is cold) on a worker
 * instead of the thread that reads the stream, so that the room's media tick never waits for it.
 * The stream comes out one frame (20 ms) late: each call hands this frame to the worker and
 * returns the previous frame, cleaned if the worker finished it in time, as it came otherwise. A
 * worker that falls behind skips frames (they pass uncleaned) rather than delaying the room.
 *
 * <p>{@link #process} is called from one thread at a time (the media thread); the worker touches
 * the job frame only while {@code busy} is set. Nothing is allocated per frame, provided the
 * executor's queue does not allocate (an {@code ArrayBlockingQueue}).
 */
public final class OffloadedFilter implements AudioFilter {
  private final AudioFilter inner;
  private final Executor worker;
  private final Runnable job = this::runJob;
  /** The frame the worker filters in place. */
  private final PcmFrame work = new PcmFrame(8000);
  /** Last call's input, as it came. */
  private final PcmFrame previous = new PcmFrame(8000);
  private final PcmFrame out = new PcmFrame(8000);
  private volatile boolean busy;
  private volatile RuntimeException failure;
  private boolean havePrevious;
  /** Whether {@link #work} holds (or is filtering) the previous call's frame. */
  private boolean workHoldsPrevious;
  private long cleaned;
  private long passedRaw;

  public OffloadedFilter(AudioFilter inner, Executor worker) {
    this.inner = inner;
    this.worker = worker;
  }

  @Override
  public void process(PcmFrame frame) {
    boolean delayed = havePrevious && previous.sampleRate() == frame.sampleRate();
    if (delayed) {
      if (workHoldsPrevious && !busy && failure == null) {
        out.copyFrom(work);
        cleaned++;
      } else {
        out.copyFrom(previous);
        passedRaw++;
      }
    }
    previous.copyFrom(frame);
    havePrevious = true;
    workHoldsPrevious = false;
    if (!busy && failure == null) {
      work.copyFrom(frame);
      busy = true;
      workHoldsPrevious = true;
      try {
        worker.execute(job);
      } catch (RejectedExecutionException overloaded) {
        busy = false;
        workHoldsPrevious = false;
      }
    }
    if (delayed) {
      frame.copyFrom(out);
    } // else the first frame (or the first at a new rate) goes through as it came
  }

  private void runJob() {
    try {
      inner.process(work);
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      busy = false;
    }
  }

  /** Frames that came out cleaned. Media thread only. */
  public long cleanedFrames() {
    return cleaned;
  }

  /** Frames that came out as they went in: the worker was late, busy or failed. Media thread only. */
  public long uncleanedFrames() {
    return passedRaw;
  }

  /** Why the filter stopped cleaning, if it threw; null otherwise. */
  public RuntimeException failure() {
    return failure;
  }
}
