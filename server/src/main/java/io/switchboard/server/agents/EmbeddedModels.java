package io.switchboard.server.agents;

import io.switchboard.agent.AgentSession;
import io.switchboard.agent.TurnHandling;
import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.audio.rnnoise.RnnoiseSuppressor;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.stt.sphinx.Sphinx4SpeechToText;
import io.switchboard.agent.tts.OffloadedTextToSpeech;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.tts.freetts.FreeTtsTextToSpeech;
import io.switchboard.agent.vad.silero.SileroVad;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions on the embedded offline models, loaded once and shared by every session: Silero VAD,
 * Sphinx4 (US English), FreeTTS kevin16, optionally RNNoise. A Sphinx4 decoder and a FreeTTS voice
 * serve one request at a time, so each is a small pool that grows when calls overlap (bounded by
 * the cores, which bound the useful parallelism anyway, and for Sphinx4 by its heap cost).
 * Loading takes several seconds, so it starts at {@link #warmUp} (or the first session) on its own thread. The session's model is a
 * script that says no model is configured: agents bring their own (a scripted one, for now)
 * through {@code AgentModels}.
 */
public final class EmbeddedModels implements SessionFactory, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedModels.class);

  /** What a session without a model of its own answers. */
  static final ScriptedLanguageModel NO_MODEL =
      ScriptedLanguageModel.builder()
          .fallback(ScriptedReply.say("Sorry, no language model is configured for this agent."))
          .build();

  /** {@code stt} and {@code tts} are the embedded ones, or the remote ones configured instead. */
  private record Loaded(SileroVad vad, SpeechToText stt, TextToSpeech tts, NoiseSuppressor noise) {}

  /** Each Sphinx4 decoder holds its own models, some 100 MB of heap. */
  private static final int MAX_DECODERS = 4;

  private final boolean rnnoise;
  private final int parallelism;
  /**
   * Inference during calls (Sphinx4 decodes, FreeTTS synthesis, extra voices and decoders loaded)
   * takes seconds of CPU: on virtual threads it would hold their carriers, and with few cores
   * stall every virtual thread, RTP receive loops included (calls then hung up on a media timeout
   * while the caller was being recognised). Platform threads are time-sliced by the OS instead.
   */
  private final ExecutorService inference =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("agent-inference-", 0).daemon(true).factory());
  private final RemoteModels remote;
  private final TurnHandling turnHandling;
  private final ExecutorService executor;
  private final Clock clock;
  private CompletableFuture<Loaded> loaded;

  /**
   * @param rnnoise whether sessions clean the caller's audio with RNNoise first
   * @param turnHandling endpointing and interruption options of every session
   * @param executor runs every session's work (virtual threads suit); inference has threads of its own
   */
  public EmbeddedModels(boolean rnnoise, TurnHandling turnHandling, ExecutorService executor, Clock clock) {
    this(rnnoise, turnHandling, RemoteModels.NONE, executor, clock);
  }

  /** As above, with OpenAI-compatible providers in place of the embedded ones where configured. */
  EmbeddedModels(
      boolean rnnoise, TurnHandling turnHandling, RemoteModels remote, ExecutorService executor, Clock clock) {
    this(rnnoise, turnHandling, remote, executor, clock, Runtime.getRuntime().availableProcessors());
  }

  /** As above, with at most {@code parallelism} voices and decoders working at once. */
  EmbeddedModels(boolean rnnoise, TurnHandling turnHandling, RemoteModels remote, ExecutorService executor,
      Clock clock, int parallelism) {
    this.parallelism = Math.max(1, parallelism);
    this.rnnoise = rnnoise;
    this.turnHandling = turnHandling;
    this.remote = remote;
    this.executor = executor;
    this.clock = clock;
  }

  /** Starts loading the models in the background, if not yet started. */
  public synchronized CompletableFuture<?> warmUp() {
    if (loaded == null) {
      loaded = CompletableFuture.supplyAsync(this::load, executor); // once, before any call is answered
    }
    return loaded;
  }

  @Override
  public AgentSession newSession() {
    Loaded models;
    try {
      models = (Loaded) warmUp().join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the embedded agent models failed to load: " + e.getCause().getMessage(), e.getCause());
    }
    return AgentSession.builder()
        .noiseSuppressor(models.noise())
        .vad(models.vad())
        .stt(models.stt())
        .llm(remote.llm() != null ? remote.llm() : NO_MODEL)
        .tts(models.tts())
        .turnHandling(turnHandling)
        .executor(executor)
        .clock(clock)
        .build();
  }

  /** Names of the providers, for the startup banner. */
  public String describe() {
    return "Silero VAD"
        + (remote.stt() != null ? ", STT " + remote.stt().label() : ", Sphinx4 en-US")
        + (remote.tts() != null ? ", TTS " + remote.tts().label() : ", FreeTTS kevin16")
        + (rnnoise ? ", RNNoise" : "")
        + (remote.llm() != null ? ", LLM " + remote.llm().label() : ", scripted models");
  }

  private Loaded load() {
    long started = System.nanoTime();
    Loaded models =
        new Loaded(
            SileroVad.load(),
            remote.stt() != null ? remote.stt() : new Sphinx4SpeechToText(inference, Math.min(parallelism, MAX_DECODERS)),
            remote.tts() != null ? remote.tts()
                : new OffloadedTextToSpeech(new FreeTtsTextToSpeech(150f, parallelism, inference), inference),
            rnnoise ? RnnoiseSuppressor.load() : NoiseSuppressor.NONE);
    log.info("agent models loaded in {} ms: {}", (System.nanoTime() - started) / 1_000_000, describe());
    return models;
  }

  @Override
  public void close() {
    CompletableFuture<Loaded> models;
    synchronized (this) {
      models = loaded;
    }
    if (models != null && models.isDone() && !models.isCompletedExceptionally()) {
      Loaded m = models.join();
      if (m.tts() instanceof OffloadedTextToSpeech offloaded && offloaded.inner() instanceof FreeTtsTextToSpeech freetts) {
        freetts.close();
      }
      m.vad().close();
    }
    inference.shutdownNow();
  }
}
