package io.switchboard.bench.agents;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import java.util.concurrent.CountDownLatch;

/**
 * The caller's side of an agent call: a microphone that plays a clip when asked (silence or a
 * looped background otherwise) and an ear that notes when the agent's audio first arrives. Both
 * run on the room's media thread, once per 20 ms tick.
 */
final class BenchCaller implements AudioSource, AudioSink {
  private final int sampleRate;
  private final short[] background;
  private int backgroundAt;
  private short[] clip = new short[0];
  private int position;
  private boolean inClip;
  private volatile long clipEndedAt;
  private volatile long heardAt;
  private volatile CountDownLatch heard = new CountDownLatch(0);
  private volatile long reads;

  /** {@code background}: looped under everything (null for silence). */
  BenchCaller(int sampleRate, short[] background) {
    this.sampleRate = sampleRate;
    this.background = background;
  }

  /** Plays {@code samples} from the next tick, and listens for the agent's answer. */
  synchronized void say(short[] samples) {
    clip = samples;
    position = 0;
    inClip = true;
    clipEndedAt = 0;
    heardAt = 0;
    heard = new CountDownLatch(1);
  }

  /** When the first frame after the clip was read (System.nanoTime), or 0. */
  long clipEndedAt() {
    return clipEndedAt;
  }

  /** When the agent's first non-silent frame arrived after the clip, or 0. */
  long heardAt() {
    return heardAt;
  }

  boolean awaitHeard(long timeoutMillis) throws InterruptedException {
    return heard.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  /** Frames the room has taken from the microphone so far (50 a second when ticks keep up). */
  long reads() {
    return reads;
  }

  @Override
  public synchronized boolean read(PcmFrame into) {
    reads++;
    into.setSampleRate(sampleRate);
    boolean clipDoneBefore = position >= clip.length; // this frame carries none of the clip
    short[] out = into.samples();
    int n = into.length();
    for (int i = 0; i < n; i++) {
      short b = 0;
      if (background != null) {
        b = background[backgroundAt];
        backgroundAt = (backgroundAt + 1) % background.length;
      }
      int s = b;
      if (position < clip.length) {
        s += clip[position++];
      }
      out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
    }
    if (inClip && clipDoneBefore) {
      clipEndedAt = System.nanoTime();
      inClip = false;
    }
    return true;
  }

  @Override
  public void write(PcmFrame frame) {
    if (clipEndedAt == 0 || heardAt != 0) {
      return;
    }
    short[] s = frame.samples();
    for (int i = 0; i < frame.length(); i++) {
      if (Math.abs(s[i]) > 300) {
        heardAt = System.nanoTime();
        heard.countDown();
        return;
      }
    }
  }
}
