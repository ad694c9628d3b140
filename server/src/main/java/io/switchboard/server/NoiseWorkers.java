package io.switchboard.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The platform threads that run noise suppression for calls with {@code krisp_enabled}: one per
 * core (two at least), apart from the virtual threads that receive RTP and from the rooms' media pool, so a
 * slow filter delays neither. The bounded array queue takes a frame's job without allocating; a
 * full queue refuses it and that frame passes uncleaned.
 */
final class NoiseWorkers {
  /** Frames of noise run through RNNoise right after it loads, so the JIT has compiled it. */
  static final int WARM_UP_FRAMES = 3000;
  private static final int QUEUE = 1024;

  private NoiseWorkers() {}

  /** Runs the one-off warm-up on a thread of its own, so that calls' frames never queue behind it. */
  static void warmUp(Runnable task) {
    Thread t = new Thread(task, "noise-suppression-warm-up");
    t.setDaemon(true);
    t.start();
  }

  static ExecutorService start() {
    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread t = new Thread(task, "noise-suppression-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), factory);
  }
}
