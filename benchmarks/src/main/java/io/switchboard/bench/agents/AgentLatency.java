package io.switchboard.bench.agents;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.AgentState;
import io.switchboard.agent.EndpointingOptions;
import io.switchboard.agent.InterruptionOptions;
import io.switchboard.agent.TurnHandling;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The framework's own share of a turn's latency. A caller says a 300 ms tone; models that answer
 * at once (VAD, STT, LLM, TTS, each timestamping itself) stand in for real ones; the endpointing
 * delay is 0 and the VAD ends speech on the first silent frame. Measured per turn, in real time:
 * from the tick that carried the first frame after the caller's speech to the tick that brought
 * the agent's first audio back to the caller, minus the time spent inside the models.
 *
 * <p>Usage: AgentLatency [turns, default 200] [warm-up turns, default 30]
 */
public final class AgentLatency {
  private AgentLatency() {}

  public static void main(String[] args) throws Exception {
    int turns = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    InstantModels.TurnClock clock = new InstantModels.TurnClock();
    try (Rig rig = new Rig()) {
      AgentSession session = AgentSession.builder()
          .vad(InstantModels.loudnessVad(-40))
          .stt(InstantModels.stt("I would like a table for two.", rig.virtualThreads, clock))
          .llm(InstantModels.llm("Certainly, a table for two at seven is booked. ", clock))
          .tts(InstantModels.tts(Rig.tone(16_000, 660, 200), clock))
          .turnHandling(new TurnHandling(new EndpointingOptions(Duration.ZERO), InterruptionOptions.DEFAULT))
          .executor(rig.virtualThreads)
          .build();
      Semaphore listening = new Semaphore(0);
      session.addListener(e -> {
        if (e instanceof AgentEvent.AgentStateChanged s && s.newState() == AgentState.LISTENING) {
          listening.release();
        }
      });
      BenchCaller caller = new BenchCaller(16_000, null);
      rig.call("latency", caller, session, new Agent("You take bookings."));
      if (!listening.tryAcquire(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the agent did not start listening");
      }
      short[] utterance = Rig.tone(16_000, 440, 300);
      double[] framework = new double[turns];
      double[] pipeline = new double[turns];
      double[] toWire = new double[turns];
      double[] model = new double[turns];
      for (int t = -warmup; t < turns; t++) {
        clock.reset();
        listening.drainPermits();
        caller.say(utterance);
        if (!caller.awaitHeard(5_000)) {
          throw new IllegalStateException("turn " + t + ": no answer within 5 s");
        }
        if (!listening.tryAcquire(5, TimeUnit.SECONDS)) {
          throw new IllegalStateException("turn " + t + ": the agent did not finish speaking");
        }
        if (t >= 0) {
          long models = clock.modelNanos;
          framework[t] = (caller.heardAt() - caller.clipEndedAt() - models) / 1e6;
          pipeline[t] = (clock.audioReadyAt - clock.endOfSpeechAt - models) / 1e6;
          toWire[t] = (caller.heardAt() - clock.audioReadyAt) / 1e6;
          model[t] = models / 1e6;
        }
      }
      session.close();
      System.out.printf(Locale.ROOT, "turns: %d (after %d warm-up turns)%n", turns, warmup);
      row("end of speech -> first agent audio on the caller's leg, minus model time", framework);
      row("  of which: VAD end of speech -> TTS asked (endpointing, STT hand-off, LLM, splitter), minus model time", pipeline);
      row("  of which: TTS audio ready -> on the caller's leg (waits for the next 20 ms tick)", toWire);
      row("time inside the instant models", model);
    }
  }

  private static void row(String what, double[] ms) {
    System.out.printf(Locale.ROOT, "%-110s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what,
        Rig.percentile(ms, 50), Rig.percentile(ms, 99), Rig.percentile(ms, 100));
  }
}
