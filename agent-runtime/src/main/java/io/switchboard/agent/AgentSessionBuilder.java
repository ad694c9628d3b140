package io.switchboard.agent;

import io.switchboard.agent.audio.NoiseSuppressor;
import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.agent.vad.VoiceActivityDetector;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

/** Builds a session; VAD, STT, LLM and TTS are required. */
public final class AgentSessionBuilder {
  private VoiceActivityDetector vad;
  private SpeechToText stt;
  private LanguageModel llm;
  private TextToSpeech tts;
  private NoiseSuppressor noiseSuppressor = NoiseSuppressor.NONE;
  private TurnHandling turnHandling = TurnHandling.DEFAULT;
  private int maxToolSteps = 3;
  private Object userdata;
  private ExecutorService executor;
  private Clock clock = Clock.systemUTC();
  private io.switchboard.agent.phone.PhoneLines phoneLines = io.switchboard.agent.phone.PhoneLines.NONE;

  public AgentSessionBuilder vad(VoiceActivityDetector vad) { this.vad = vad; return this; }

  public AgentSessionBuilder stt(SpeechToText stt) { this.stt = stt; return this; }

  public AgentSessionBuilder llm(LanguageModel llm) { this.llm = llm; return this; }

  public AgentSessionBuilder tts(TextToSpeech tts) { this.tts = tts; return this; }

  public AgentSessionBuilder noiseSuppressor(NoiseSuppressor ns) { this.noiseSuppressor = ns; return this; }

  public AgentSessionBuilder turnHandling(TurnHandling turnHandling) { this.turnHandling = turnHandling; return this; }

  /** Model → tools → model rounds per reply (LiveKit's max_tool_steps, default 3). */
  public AgentSessionBuilder maxToolSteps(int steps) { this.maxToolSteps = steps; return this; }

  public AgentSessionBuilder userdata(Object userdata) { this.userdata = userdata; return this; }

  /** Where provider work and events run; a virtual-thread-per-task executor suits it. */
  public AgentSessionBuilder executor(ExecutorService executor) { this.executor = executor; return this; }

  public AgentSessionBuilder clock(Clock clock) { this.clock = clock; return this; }

  /** The telephony behind {@code session.phone()}; a Switchboard server gives its own at start. */
  public AgentSessionBuilder phoneLines(io.switchboard.agent.phone.PhoneLines lines) { this.phoneLines = lines; return this; }

  public AgentSession build() {
    return new AgentSession(new SessionConfig(vad, stt, llm, tts, noiseSuppressor, turnHandling, maxToolSteps, userdata, executor, clock, phoneLines));
  }
}
