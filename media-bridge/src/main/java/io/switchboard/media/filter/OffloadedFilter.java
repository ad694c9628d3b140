package io.switchboard.media.filter;

import io.switchboard.media.audio.PcmFrame;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs a costly filter (RNNoise: a few ms per frame, much more while the JIT is cold) on a worker
 * instead of the thread that reads the stream, so that the room's media tick never waits for it.
 * The stream comes out {@code framesLate} frames (20 ms each) late: each call hands this frame to
 * the worker and returns the one from {@code framesLate} calls ago, cleaned if the worker finished
 * it by now, as it came otherwise. The worker takes frames in order and skips those already gone
 * out, so a slow worker costs cleaning, never delay.
 *
 * <p>{@link #process} is called from one thread at a time (the media thread). Frames pass through
 * a small ring; the worker copies its frame out under a sequence check (a frame overwritten while
 * it copied is dropped) and publishes each cleaned frame with its sequence number. Nothing is
 * allocated per frame, provided the executor's queue does not allocate (an
 * {@code ArrayBlockingQueue}).
 */
public final class OffloadedFilter implements AudioFilter {
  private final AudioFilter inner;
  private final Executor worker;
  private final int framesLate;
  private final int slots;
  private final PcmFrame[] raw;
  private final PcmFrame[] clean;
  /** The sequence number each {@link #clean} slot holds; -1 for none. */
  private final AtomicLongArray cleanSeq;
  private final Runnable drain = this::drain;
  private final AtomicBoolean running = new AtomicBoolean();
  /** Set before the media thread writes a raw slot, then {@link #submitted} after. */
  private volatile long writing = -1;
  private volatile long submitted = -1;
  private volatile RuntimeException failure;
  /** Worker only: the next frame to clean, and its private copy. */
  private long next;
  private final PcmFrame work = new PcmFrame(8000);
  /** Media thread only. */
  private long seq = -1;
  private long cleaned;
  private long passedRaw;

  /** @param framesLate frames of delay the worker has to clean a frame in (1 or more) */
  public OffloadedFilter(AudioFilter inner, Executor worker, int framesLate) {
    if (framesLate < 1) {
      throw new IllegalArgumentException("framesLate must be at least 1, not " + framesLate);
    }
    this.inner = inner;
    this.worker = worker;
    this.framesLate = framesLate;
    this.slots = framesLate + 2;
    this.raw = new PcmFrame[slots];
    this.clean = new PcmFrame[slots];
    this.cleanSeq = new AtomicLongArray(slots);
    for (int i = 0; i < slots; i++) {
      raw[i] = new PcmFrame(8000);
      clean[i] = new PcmFrame(8000);
      cleanSeq.set(i, -1);
    }
  }

  @Override
  public void process(PcmFrame frame) {
    long t = ++seq;
    int in = (int) (t % slots);
    writing = t;
    VarHandle.storeStoreFence(); // the worker must see the mark before any of the new samples
    raw[in].copyFrom(frame);
    submitted = t;
    if (failure == null && running.compareAndSet(false, true)) {
      try {
        worker.execute(drain);
      } catch (RejectedExecutionException overloaded) {
        running.set(false);
      }
    }
    long o = t - framesLate;
    if (o < 0) {
      return; // filling the pipeline: the first frames go through as they came
    }
    int out = (int) (o % slots);
    if (raw[out].sampleRate() != frame.sampleRate()) {
      return; // the rate changed: frames of the old rate are dropped, this one goes as it came
    }
    if (cleanSeq.get(out) == o) {
      frame.copyFrom(clean[out]);
      cleaned++;
    } else {
      frame.copyFrom(raw[out]);
      passedRaw++;
    }
  }

  private void drain() {
    do {
      try {
        cleanPending();
      } catch (RuntimeException e) {
        failure = e;
      }
      running.set(false);
    } while (failure == null && submitted >= next && running.compareAndSet(false, true));
  }

  private void cleanPending() {
    long last = submitted;
    while (next <= last) {
      long s = Math.max(next, last - framesLate + 1); // older frames have gone out already
      int slot = (int) (s % slots);
      work.copyFrom(raw[slot]);
      next = s + 1;
      VarHandle.loadLoadFence(); // read the samples before the mark
      if (writing - s < slots) { // not overwritten while we copied
        inner.process(work);
        clean[slot].copyFrom(work);
        cleanSeq.set(slot, s);
      }
      last = submitted;
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
