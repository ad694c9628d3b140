package io.switchboard.server.agents;

import io.switchboard.agent.llm.LanguageModel;
import io.switchboard.agent.openai.OpenAiEndpoint;
import io.switchboard.agent.openai.OpenAiLanguageModel;
import io.switchboard.agent.openai.OpenAiSpeechToText;
import io.switchboard.agent.openai.OpenAiTextToSpeech;
import io.switchboard.agent.stt.SpeechToText;
import io.switchboard.agent.tts.TextToSpeech;
import io.switchboard.server.config.AgentRuntimeConfig;
import io.switchboard.server.config.LlmProviderConfig;
import io.switchboard.server.config.SttProviderConfig;
import io.switchboard.server.config.TtsProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * The providers {@code agent_runtime} points at an OpenAI-compatible server; null where the
 * embedded model is used. Building them opens no connection, so a server that is down shows up
 * as error events on calls, not as a failed start.
 */
record RemoteModels(SpeechToText stt, LanguageModel llm, TextToSpeech tts) {
  static final RemoteModels NONE = new RemoteModels(null, null, null);

  /** Sample rate recordings are uploaded at: what Whisper models take. */
  static final int STT_RATE = 16_000;

  static RemoteModels from(AgentRuntimeConfig config, Map<String, String> environment, Executor executor, RandomGenerator random)
      throws AgentSetupException {
    SttProviderConfig s = config.stt();
    LlmProviderConfig l = config.llm();
    TtsProviderConfig t = config.tts();
    SpeechToText stt = !s.openai() ? null : new OpenAiSpeechToText(
        endpoint("agent_runtime.stt", s.baseUrl(), s.model(), key("agent_runtime.stt", s.baseUrl(), s.apiKey(), s.apiKeyEnv(), environment), s.timeout()),
        STT_RATE, s.language(), executor, random);
    LanguageModel llm = !l.openai() ? null : new OpenAiLanguageModel(
        endpoint("agent_runtime.llm", l.baseUrl(), l.model(), key("agent_runtime.llm", l.baseUrl(), l.apiKey(), l.apiKeyEnv(), environment), l.timeout()));
    TextToSpeech tts;
    try {
      tts = !t.openai() ? null : new OpenAiTextToSpeech(
          endpoint("agent_runtime.tts", t.baseUrl(), t.model(), key("agent_runtime.tts", t.baseUrl(), t.apiKey(), t.apiKeyEnv(), environment), t.timeout()),
          t.voice(), t.speed());
    } catch (IllegalArgumentException e) {
      throw new AgentSetupException("agent_runtime.tts: " + e.getMessage());
    }
    return new RemoteModels(stt, llm, tts);
  }

  /** Names of the remote providers, for the startup banner. */
  List<String> describe() {
    List<String> names = new ArrayList<>();
    if (stt != null) {
      names.add("STT " + stt.label());
    }
    if (llm != null) {
      names.add("LLM " + llm.label());
    }
    if (tts != null) {
      names.add("TTS " + tts.label());
    }
    return names;
  }

  private static OpenAiEndpoint endpoint(String section, String baseUrl, String model, String key, Duration timeout) {
    // The provider name in errors: the host, which tells OpenAI from a local Ollama or vLLM.
    String host = URI.create(baseUrl).getHost();
    return new OpenAiEndpoint(host, URI.create(baseUrl), model, key, Duration.ofSeconds(5), timeout);
  }

  /**
   * The inline key, else the environment variable's value, else none (local servers need none).
   * OpenAI itself always needs one, so that mistake stops the server at startup.
   */
  private static String key(String section, String baseUrl, String inline, String variable, Map<String, String> environment)
      throws AgentSetupException {
    if (!inline.isEmpty()) {
      return inline;
    }
    String fromEnv = variable.isEmpty() ? null : environment.get(variable);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    if ("api.openai.com".equals(URI.create(baseUrl).getHost())) {
      throw new AgentSetupException(section + ": " + baseUrl + " needs an API key: set the environment variable "
          + (variable.isEmpty() ? "named by " + section + ".api_key_env" : variable) + " or " + section + ".api_key");
    }
    return "";
  }
}
