package io.switchboard.agent;

import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.vad.VoiceActivityDetector;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/** Everything a session is built from. */
record SessionConfig(
    VoiceActivityDetector vad,
    SpeechToText stt,
    LanguageModel llm,
    TextToSpeech tts,
    NoiseSuppressor noiseSuppressor,
    TurnHandling turnHandling,
    int maxToolSteps,
    Object userdata,
    ExecutorService executor,
    Clock clock,
    io.switchboard.agent.phone.PhoneLines phoneLines) {

  SessionConfig {
    Objects.requireNonNull(vad, "agent session needs a VAD (e.g. new EnergyVad())");
    Objects.requireNonNull(stt, "agent session needs an STT");
    Objects.requireNonNull(llm, "agent session needs an LLM (e.g. a ScriptedLanguageModel)");
    Objects.requireNonNull(tts, "agent session needs a TTS");
    Objects.requireNonNull(noiseSuppressor, "noise suppressor (NoiseSuppressor.NONE for none)");
    Objects.requireNonNull(turnHandling, "turn handling");
    Objects.requireNonNull(executor, "agent session needs an executor (e.g. Executors.newVirtualThreadPerTaskExecutor())");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(phoneLines, "phone lines (PhoneLines.NONE for none)");
    if (maxToolSteps < 1) {
      throw new IllegalArgumentException("max tool steps must be at least 1: " + maxToolSteps);
    }
  }
}
