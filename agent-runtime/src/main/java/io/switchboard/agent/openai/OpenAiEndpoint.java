package io.switchboard.agent.openai;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an OpenAI-compatible API is and how to reach it: OpenAI itself, or Ollama
 * ({@code http://localhost:11434/v1}), vLLM, llama.cpp's server, a whisper or Kokoro server.
 *
 * @param provider a name for errors and metrics (e.g. "openai", "ollama")
 * @param baseUrl the API root that paths such as {@code chat/completions} are resolved against,
 *     normally ending in {@code /v1}
 * @param model the model to ask for
 * @param apiKey sent as a bearer token; empty for servers that need none. Never logged: {@link
 *     #toString()} hides it
 * @param connectTimeout to open the connection
 * @param responseTimeout the longest wait for the response headers, and for more of a streamed
 *     body (a stream may run as long as the reply lasts, but not stall longer than this)
 */
public record OpenAiEndpoint(
    String provider, URI baseUrl, String model, String apiKey, Duration connectTimeout, Duration responseTimeout) {

  public OpenAiEndpoint {
    provider = provider == null || provider.isBlank() ? "openai" : provider;
    Objects.requireNonNull(baseUrl, "base URL");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(provider + ": base URL must be http:// or https://, got '" + baseUrl + "'");
    }
    if (!baseUrl.getPath().endsWith("/")) {
      baseUrl = URI.create(baseUrl + "/"); // so resolve("chat/completions") keeps the /v1
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(provider + ": a model name is required (base URL " + baseUrl + ")");
    }
    apiKey = apiKey == null ? "" : apiKey.strip();
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    responseTimeout = responseTimeout == null ? Duration.ofSeconds(30) : responseTimeout;
  }

  /** An endpoint with default timeouts. */
  public static OpenAiEndpoint of(String provider, String baseUrl, String model, String apiKey) {
    return new OpenAiEndpoint(provider, URI.create(baseUrl), model, apiKey, null, null);
  }

  public OpenAiEndpoint withTimeouts(Duration connect, Duration response) {
    return new OpenAiEndpoint(provider, baseUrl, model, apiKey, connect, response);
  }

  /** {@code path} (e.g. "audio/speech") under the base URL. */
  URI resolve(String path) {
    return baseUrl.resolve(path);
  }

  @Override
  public String toString() {
    return "OpenAiEndpoint[" + provider + " " + baseUrl + " model=" + model
        + (apiKey.isEmpty() ? " no key" : " key=***") + "]";
  }
}
