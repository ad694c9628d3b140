package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/**
 * Speech recognition: {@code embedded} (Sphinx4, US English, demo grade) or {@code openai}, any
 * server with OpenAI's {@code /audio/transcriptions} (OpenAI whisper-1 or gpt-4o-transcribe,
 * faster-whisper/speaches, vLLM, whisper.cpp): each utterance the VAD cuts is uploaded as a WAV
 * file. {@code language}: an ISO-639-1 hint such as {@code en}; empty lets the server detect it.
 */
public record SttProviderConfig(
    String provider, String baseUrl, String model, String apiKeyEnv, String apiKey, String language, Duration timeout) {

  public static final SttProviderConfig DEFAULTS = new SttProviderConfig(null, null, null, null, null, null, null);

  public SttProviderConfig {
    provider = ModelProvider.provider("agent_runtime.stt", provider);
    baseUrl = ModelProvider.baseUrl("agent_runtime.stt", baseUrl);
    model = ModelProvider.model("agent_runtime.stt", model, "whisper-1");
    apiKeyEnv = apiKeyEnv == null ? ModelProvider.KEY_ENV : apiKeyEnv.strip();
    apiKey = apiKey == null ? "" : apiKey.strip();
    language = language == null ? "" : language.strip();
    timeout = ModelProvider.timeout("agent_runtime.stt", timeout);
  }

  /** The short form {@code stt: openai} (or {@code embedded}): that provider with every default. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SttProviderConfig of(String provider) {
    return new SttProviderConfig(provider, null, null, null, null, null, null);
  }

  public boolean openai() {
    return provider.equals(ModelProvider.OPENAI);
  }

  @Override
  public String toString() {
    return "SttProviderConfig[" + provider + " " + baseUrl + " " + model + (apiKey.isEmpty() ? "" : " api_key=***") + "]";
  }
}
