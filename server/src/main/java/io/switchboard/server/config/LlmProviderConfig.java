package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/**
 * The session's language model: {@code embedded} (each agent's own scripted model; sessions
 * without one say that no model is configured) or {@code openai}, any server with OpenAI's
 * streamed chat completions and tools (OpenAI, Ollama, vLLM, llama.cpp, LM Studio, Groq). The
 * key comes from {@code api_key}, else from the environment variable {@code api_key_env}; local
 * servers need none. {@code timeout}: the longest wait for the answer to start, and for more of
 * a streamed answer.
 */
public record LlmProviderConfig(
    String provider, String baseUrl, String model, String apiKeyEnv, String apiKey, Duration timeout) {

  public static final LlmProviderConfig DEFAULTS = new LlmProviderConfig(null, null, null, null, null, null);

  public LlmProviderConfig {
    provider = ModelProvider.provider("agent_runtime.llm", provider);
    baseUrl = ModelProvider.baseUrl("agent_runtime.llm", baseUrl);
    model = ModelProvider.model("agent_runtime.llm", model, "gpt-4o-mini");
    apiKeyEnv = apiKeyEnv == null ? ModelProvider.KEY_ENV : apiKeyEnv.strip();
    apiKey = apiKey == null ? "" : apiKey.strip();
    timeout = ModelProvider.timeout("agent_runtime.llm", timeout);
  }

  /** The short form {@code llm: openai} (or {@code embedded}): that provider with every default. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static LlmProviderConfig of(String provider) {
    return new LlmProviderConfig(provider, null, null, null, null, null);
  }

  public boolean openai() {
    return provider.equals(ModelProvider.OPENAI);
  }

  @Override
  public String toString() {
    return "LlmProviderConfig[" + provider + " " + baseUrl + " " + model + (apiKey.isEmpty() ? "" : " api_key=***") + "]";
  }
}
