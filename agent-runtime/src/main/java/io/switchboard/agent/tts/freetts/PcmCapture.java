package io.switchboard.agent.tts.freetts;

import com.sun.speech.freetts.audio.AudioPlayer;
import io.switchboard.agent.tts.TtsOutput;
import javax.sound.sampled.AudioFormat;

/**
 * FreeTTS's audio output, turned into 16-bit samples for a {@link TtsOutput} instead of a sound
 * card. FreeTTS writes from its own output thread; the synthesising thread's interruption is
 * checked on every write, and a {@code false} return makes FreeTTS drop the rest.
 */
final class PcmCapture implements AudioPlayer {
  private AudioFormat format = new AudioFormat(FreeTtsTextToSpeech.SAMPLE_RATE, 16, 1, true, true);
  private short[] samples = new short[4096];
  private volatile TtsOutput out;
  private volatile Thread requester;
  private volatile boolean cancelled;
  private volatile RuntimeException failure;

  void start(TtsOutput out, Thread requester) {
    this.out = out;
    this.requester = requester;
    this.cancelled = false;
    this.failure = null;
  }

  /**
   * What the output threw while FreeTTS was writing to it, or null. It is kept here rather than
   * thrown, because an exception on FreeTTS's output thread would kill that thread and leave
   * every later synthesis on this voice waiting forever.
   */
  RuntimeException failure() {
    return failure;
  }

  /** Returns whether the synthesis was cancelled. */
  boolean finish() {
    boolean wasCancelled = cancelled || requester.isInterrupted();
    out = null;
    requester = null;
    return wasCancelled;
  }

  @Override
  public synchronized void setAudioFormat(AudioFormat format) {
    if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1
        || (int) format.getSampleRate() != FreeTtsTextToSpeech.SAMPLE_RATE) {
      throw new IllegalArgumentException("FreeTTS produced " + format + "; expected 16-bit mono at 16 kHz");
    }
    this.format = format;
  }

  @Override
  public synchronized AudioFormat getAudioFormat() {
    return format;
  }

  @Override
  public boolean write(byte[] audio) {
    return write(audio, 0, audio.length);
  }

  @Override
  public synchronized boolean write(byte[] audio, int offset, int length) {
    TtsOutput target = out;
    Thread t = requester;
    if (target == null || cancelled || (t != null && t.isInterrupted())) {
      cancelled = true;
      return false;
    }
    int n = length / 2;
    if (n > samples.length) {
      samples = new short[n];
    }
    boolean big = format.isBigEndian();
    for (int i = 0; i < n; i++) {
      int a = audio[offset + 2 * i] & 0xff;
      int b = audio[offset + 2 * i + 1] & 0xff;
      samples[i] = (short) (big ? (a << 8) | b : (b << 8) | a);
    }
    try {
      target.audio(samples, 0, n);
    } catch (RuntimeException e) {
      failure = e;
      cancelled = true;
      return false;
    }
    return true;
  }

  @Override
  public void cancel() {
    cancelled = true;
  }

  // The rest of AudioPlayer is about a sound card: nothing to do here.
  @Override public void pause() {}
  @Override public void resume() {}
  @Override public void reset() {}
  @Override public boolean drain() { return true; }
  @Override public void begin(int size) {}
  @Override public boolean end() { return !cancelled; }
  @Override public void close() {}
  @Override public float getVolume() { return 1f; }
  @Override public void setVolume(float volume) {}
  @Override public long getTime() { return 0; }
  @Override public void resetTime() {}
  @Override public void startFirstSampleTimer() {}
  @Override public void showMetrics() {}
}
