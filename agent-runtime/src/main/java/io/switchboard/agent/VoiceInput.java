package io.switchboard.agent;

import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.audio.Playout;
import io.switchboard.agent.audio.SpeechAudio;
import io.switchboard.agent.pipeline.Endpointing;
import io.switchboard.agent.pipeline.InterruptionTracker;
import io.switchboard.agent.stt.SttEvent;
import io.switchboard.agent.stt.SttStream;
import io.switchboard.agent.vad.SpeechSegmenter;
import io.switchboard.agent.vad.VadOptions;
import io.switchboard.agent.vad.VadStream;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.resample.Resampler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The caller side of the pipeline, fed one frame per room tick: noise suppression → VAD →
 * speech segments → STT, endpointing and barge-in. Decisions are made on the media thread as the
 * frame arrives, so pausing the agent takes effect on the very next frame it plays. Recognition
 * results arrive on the recogniser's threads and take the same lock.
 */
final class VoiceInput implements AudioSink, Endpointing.Listener {
  private final AgentSession session;
  private final Clock clock;
  private final Playout playout;
  private final int sampleRate;
  private final NoiseSuppressor.Stream noise;
  private final VadStream vad;
  private final SpeechSegmenter segmenter;
  private final Endpointing endpointing;
  private final InterruptionTracker interruptions;
  private final SttStream stt;
  private final String sttLabel;
  private final Duration minSilence;
  private final PcmFrame work;
  private final Resampler toVad;
  private final PcmFrame vadFrame;
  private final Resampler toStt;
  private final PcmFrame sttFrame;
  /** The last frames before speech began (prefix padding and the frames that started it). */
  private final PcmFrame[] recent;
  private int recentNext;
  private int recentCount;
  private int segmentFrames;
  private Instant speechEndedAt;
  private Instant endOfSpeechSentAt;
  private Instant lastFinalAt;
  private boolean closed;
  private boolean failing;

  VoiceInput(AgentSession session, SessionConfig config, Playout playout) {
    this.session = session;
    this.clock = config.clock();
    this.playout = playout;
    this.sampleRate = config.stt().sampleRate();
    this.noise = config.noiseSuppressor().open(sampleRate);
    VadOptions vadOptions = config.vad().options();
    this.vad = config.vad().open();
    this.segmenter = new SpeechSegmenter(vadOptions);
    this.minSilence = vadOptions.minSilence();
    EndpointingOptions endpointingOptions = config.turnHandling().endpointing();
    int delay = endpointingOptions.minDelay().isZero() ? 0 : SpeechSegmenter.frames(endpointingOptions.minDelay().toMillis());
    int maxDelay = Math.max(delay, SpeechSegmenter.frames(endpointingOptions.maxDelay().toMillis()));
    this.endpointing = new Endpointing(delay, maxDelay, this);
    this.interruptions = new InterruptionTracker(config.turnHandling().interruption());
    this.work = new PcmFrame(sampleRate);
    this.toVad = Resampler.between(sampleRate, config.vad().sampleRate());
    this.vadFrame = new PcmFrame(config.vad().sampleRate());
    this.toStt = Resampler.between(sampleRate, config.stt().sampleRate());
    this.sttFrame = new PcmFrame(config.stt().sampleRate());
    int prefix = (int) (vadOptions.prefixPadding().toMillis() / PcmFrame.DURATION_MS);
    this.recent = new PcmFrame[prefix + SpeechSegmenter.frames(vadOptions.minSpeech().toMillis())];
    for (int i = 0; i < recent.length; i++) {
      recent[i] = new PcmFrame(sampleRate);
    }
    this.sttLabel = config.stt().label();
    this.stt = config.stt().open(this::onSttEvent);
  }

  /** The input is taken at the recogniser's rate; the room converts the mix to it. */
  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public synchronized void write(PcmFrame frame) {
    if (closed) {
      return;
    }
    // This runs on the room's media tick: a model failing here (ONNX, WebAssembly, a recogniser)
    // must not stop the tick, which also carries everyone else's audio. Reported once per run of failures.
    try {
      hear(frame);
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        session.emit(new AgentEvent.Error("caller audio", e));
      }
    }
  }

  private void hear(PcmFrame frame) {
    work.copyFrom(frame);
    noise.process(work);
    toVad.process(work, vadFrame);
    float probability = vad.process(vadFrame);
    remember(work);
    switch (segmenter.update(probability)) {
      case STARTED -> {
        segmentFrames = 0;
        pushRecent();
        endpointing.speechStarted();
        session.setUserState(UserState.SPEAKING);
      }
      case ENDED -> {
        pushToStt(work);
        speechEndedAt = clock.instant().minus(minSilence);
        endOfSpeechSentAt = clock.instant();
        stt.endOfSpeech();
        endpointing.speechEnded();
        session.setUserState(UserState.LISTENING);
      }
      case NONE -> {
        if (segmenter.speaking()) {
          pushToStt(work);
        }
      }
    }
    endpointing.frame();
    if (interruptions.paused() && playout.current() == null) {
      interruptions.reset(); // the paused speech was stopped elsewhere
    }
    apply(interruptions.frame(playout.playingInterruptible(), segmenter.speechFrames()));
  }

  private void onSttEvent(SttEvent event) {
    synchronized (this) {
      if (closed) {
        return;
      }
      switch (event) {
        case SttEvent.Interim i -> session.emit(new AgentEvent.UserInputTranscribed(i.text(), false));
        case SttEvent.Final f -> {
          lastFinalAt = clock.instant();
          // Told before the endpointing hears it: past the max delay, these words commit the turn at once.
          if (!f.text().isBlank()) {
            session.emit(new AgentEvent.UserInputTranscribed(f.text(), true));
          }
          endpointing.transcript(f.text());
        }
        case SttEvent.Failed f -> session.emit(new AgentEvent.Error("stt " + sttLabel, f.cause()));
        case SttEvent.SegmentDone d -> {
          if (endOfSpeechSentAt != null) {
            session.emit(new AgentEvent.MetricsCollected(new AgentMetrics.Stt(
                sttLabel, Duration.ofMillis((long) segmentFrames * PcmFrame.DURATION_MS),
                Duration.between(endOfSpeechSentAt, clock.instant()))));
          }
          endpointing.segmentDone();
        }
      }
    }
  }

  @Override
  public void endOfTurn(String transcript) {
    Instant now = clock.instant();
    Instant stopped = speechEndedAt != null ? speechEndedAt : now;
    Instant finalAt = lastFinalAt != null ? lastFinalAt : now;
    session.emit(new AgentEvent.MetricsCollected(new AgentMetrics.EndOfUtterance(
        Duration.between(stopped, now), Duration.between(stopped, finalAt))));
    apply(interruptions.turnCommitted());
    session.userTurnCompleted(transcript, stopped);
  }

  @Override
  public void nothingSaid() {
    apply(interruptions.nothingSaid());
  }

  private void apply(InterruptionTracker.Action action) {
    switch (action) {
      case NONE -> {}
      case PAUSE -> playout.pause();
      case RESUME -> {
        SpeechAudio current = playout.current();
        playout.resume();
        session.emit(new AgentEvent.FalseInterruption(current == null ? "" : speechIdOf(current)));
      }
      case INTERRUPT -> {
        SpeechAudio current = playout.current();
        if (current != null) {
          playout.stop(current);
        }
      }
    }
  }

  private String speechIdOf(SpeechAudio audio) {
    return session.speechIdOf(audio);
  }

  private void remember(PcmFrame frame) {
    recent[recentNext].copyFrom(frame);
    recentNext = (recentNext + 1) % recent.length;
    recentCount = Math.min(recentCount + 1, recent.length);
  }

  /** Sends the remembered frames (oldest first), which end with this frame. */
  private void pushRecent() {
    for (int i = recentCount; i > 0; i--) {
      pushToStt(recent[Math.floorMod(recentNext - i, recent.length)]);
    }
  }

  private void pushToStt(PcmFrame frame) {
    segmentFrames++;
    toStt.process(frame, sttFrame);
    stt.push(sttFrame);
  }

  synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stt.close();
    vad.close();
    noise.close();
  }
}
