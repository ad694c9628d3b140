package io.switchboard.agent.stt.sphinx;

import io.switchboard.agent.pool.ModelPool;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.sfu.concurrent.SerialExecutor;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Offline recognition with CMU Sphinx4 and its bundled US English acoustic model, dictionary and
 * language model (net.sf.phat:sphinx4-data). It recognises each speech segment once the VAD says
 * it ended, so there are no interim results. Accuracy is demo grade and it is slow (seconds per
 * utterance on one core), which suits offline tests and demos, not production calls.
 */
public final class Sphinx4SpeechToText implements SpeechToText {
  public static final int SAMPLE_RATE = 16_000;

  /** Words from one segment's PCM (16 kHz, 16-bit little-endian). */
  @FunctionalInterface
  interface Decoding {
    String decode(byte[] pcm) throws InterruptedException;
  }

  private final ModelPool<SphinxDecoder> decoders;
  private final Decoding decoding;
  private final Executor executor;

  /** Loads the models (several seconds); recognition runs on {@code executor}, one segment at a time. */
  public Sphinx4SpeechToText(Executor executor) {
    this(executor, 1);
  }

  /**
   * Loads one decoder now and up to {@code maxDecoders} in all (on {@code executor}), as
   * concurrent sessions' segments would otherwise wait for each other. Each holds its own copy
   * of the models (some 100 MB of heap).
   */
  public Sphinx4SpeechToText(Executor executor, int maxDecoders) {
    this.decoders = new ModelPool<>("Sphinx4 decoder", maxDecoders, SphinxDecoder::new, executor);
    this.decoding = pcm -> decoders.with(d -> d.decode(pcm));
    this.executor = executor;
  }

  /** Segments decoded by {@code decoding} instead of Sphinx4 (tests of the segment handling). */
  Sphinx4SpeechToText(Executor executor, Decoding decoding) {
    this.decoders = null;
    this.decoding = decoding;
    this.executor = executor;
  }

  /** How many decoders are loaded now. */
  public int decoders() {
    return decoders == null ? 0 : decoders.size();
  }

  @Override
  public int sampleRate() {
    return SAMPLE_RATE;
  }

  @Override
  public boolean interimResults() {
    return false;
  }

  @Override
  public String label() {
    return "sphinx4/en-us";
  }

  @Override
  public SttStream open(Consumer<SttEvent> events) {
    return new SegmentStream(events);
  }

  /** Buffers the pushed speech; each end of speech decodes what was buffered, in order. */
  private final class SegmentStream implements SttStream {
    private final Consumer<SttEvent> events;
    private final SerialExecutor decodes = new SerialExecutor(executor);
    private byte[] pcm = new byte[64_000];
    private int length;
    private boolean closed;

    SegmentStream(Consumer<SttEvent> events) {
      this.events = events;
    }

    @Override
    public synchronized void push(PcmFrame frame) {
      if (frame.sampleRate() != SAMPLE_RATE) {
        throw new IllegalArgumentException("Sphinx4 takes " + SAMPLE_RATE + " Hz audio, got a frame at " + frame.sampleRate() + " Hz");
      }
      int n = frame.length();
      if (length + 2 * n > pcm.length) {
        pcm = java.util.Arrays.copyOf(pcm, Math.max(pcm.length * 2, length + 2 * n));
      }
      short[] s = frame.samples();
      for (int i = 0; i < n; i++) {
        pcm[length++] = (byte) s[i];
        pcm[length++] = (byte) (s[i] >> 8);
      }
    }

    @Override
    public synchronized void endOfSpeech() {
      byte[] segment = java.util.Arrays.copyOf(pcm, length);
      length = 0;
      decodes.execute(() -> {
        if (isClosed()) {
          return;
        }
        try {
          String text = segment.length == 0 ? "" : decoding.decode(segment);
          events.accept(new SttEvent.Final(text, Double.NaN));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          events.accept(new SttEvent.Failed(new IllegalStateException("Sphinx4 recognition interrupted")));
        } catch (RuntimeException e) {
          // Reported, and the segment still ends: without SegmentDone the turn would wait forever.
          events.accept(new SttEvent.Failed(e));
        }
        events.accept(new SttEvent.SegmentDone());
      });
    }

    private synchronized boolean isClosed() {
      return closed;
    }

    @Override
    public synchronized void close() {
      closed = true;
      length = 0;
    }
  }
}
