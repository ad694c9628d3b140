package io.switchboard.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Checks shared by the stt, llm and tts sections of {@code agent_runtime}. */
final class ModelProvider {
  static final String EMBEDDED = "embedded";
  static final String OPENAI = "openai";
  static final String OPENAI_URL = "https://api.openai.com/v1";
  static final String KEY_ENV = "OPENAI_API_KEY";
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private ModelProvider() {}

  static String provider(String section, String provider) {
    String p = provider == null || provider.isBlank() ? EMBEDDED : provider.strip().toLowerCase(Locale.ROOT);
    if (!p.equals(EMBEDDED) && !p.equals(OPENAI)) {
      throw new IllegalArgumentException(section + ".provider is 'embedded' or 'openai' (any OpenAI-compatible server), not '" + provider + "'");
    }
    return p;
  }

  static String baseUrl(String section, String baseUrl) {
    String url = baseUrl == null || baseUrl.isBlank() ? OPENAI_URL : baseUrl.strip();
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(section + ".base_url is not a URL: '" + url + "'");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(section + ".base_url must be an http:// or https:// URL such as "
          + "http://localhost:11434/v1, not '" + url + "'");
    }
    return url;
  }

  static String model(String section, String model, String fallback) {
    return model == null || model.isBlank() ? fallback : model.strip();
  }

  static Duration timeout(String section, Duration timeout) {
    Duration t = timeout == null ? TIMEOUT : timeout;
    if (t.isNegative() || t.isZero()) {
      throw new IllegalArgumentException(section + ".timeout must be positive, not " + t);
    }
    return t;
  }
}
