package io.switchboard.server.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;

/**
 * Speech synthesis: {@code embedded} (FreeTTS kevin16) or {@code openai}, any server with
 * OpenAI's {@code /audio/speech} and its raw {@code pcm} format (OpenAI tts-1 or
 * gpt-4o-mini-tts, Kokoro-FastAPI, speaches, openedai-speech), streamed as it is synthesised.
 * {@code speed}: 0.25 to 4.0.
 */
public record TtsProviderConfig(
    String provider, String baseUrl, String model, String apiKeyEnv, String apiKey, String voice, Double speed,
    Duration timeout) {

  public static final TtsProviderConfig DEFAULTS = new TtsProviderConfig(null, null, null, null, null, null, null, null);

  public TtsProviderConfig {
    provider = ModelProvider.provider("agent_runtime.tts", provider);
    baseUrl = ModelProvider.baseUrl("agent_runtime.tts", baseUrl);
    model = ModelProvider.model("agent_runtime.tts", model, "tts-1");
    apiKeyEnv = apiKeyEnv == null ? ModelProvider.KEY_ENV : apiKeyEnv.strip();
    apiKey = apiKey == null ? "" : apiKey.strip();
    voice = voice == null || voice.isBlank() ? "alloy" : voice.strip();
    speed = speed == null ? 1.0 : speed;
    if (!(speed >= 0.25 && speed <= 4.0)) {
      throw new IllegalArgumentException("agent_runtime.tts.speed must be 0.25 to 4.0, not " + speed);
    }
    timeout = ModelProvider.timeout("agent_runtime.tts", timeout);
  }

  /** The short form {@code tts: openai} (or {@code embedded}): that provider with every default. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static TtsProviderConfig of(String provider) {
    return new TtsProviderConfig(provider, null, null, null, null, null, null, null);
  }

  public boolean openai() {
    return provider.equals(ModelProvider.OPENAI);
  }

  @Override
  public String toString() {
    return "TtsProviderConfig[" + provider + " " + baseUrl + " " + model + " " + voice + (apiKey.isEmpty() ? "" : " api_key=***") + "]";
  }
}
