package io.switchboard.server.config;

import java.util.List;
import java.util.Locale;

/**
 * How in-process voice agents run. {@code classpath}: jars and class directories that agent
 * classes named under {@code agents:} are loaded from, besides the server's own classpath.
 * {@code noiseSuppression}: {@code none} or {@code rnnoise} (cleans the caller's audio before the
 * agent listens, about 9 % of a core per call).
 *
 * <p>The other providers are the embedded offline ones (Silero VAD, Sphinx4, FreeTTS, a scripted
 * model); their choice is meant to join this section ({@code stt:}, {@code llm:}, {@code tts:})
 * when other providers exist.
 */
public record AgentRuntimeConfig(List<String> classpath, String noiseSuppression) {

  public static final AgentRuntimeConfig DEFAULTS = new AgentRuntimeConfig(null, null);

  public AgentRuntimeConfig {
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    noiseSuppression = noiseSuppression == null ? "none" : noiseSuppression.toLowerCase(Locale.ROOT);
    if (!noiseSuppression.equals("none") && !noiseSuppression.equals("rnnoise")) {
      throw new IllegalArgumentException("noise_suppression is 'none' or 'rnnoise', not '" + noiseSuppression + "'");
    }
  }

  public boolean rnnoise() {
    return noiseSuppression.equals("rnnoise");
  }

  public AgentRuntimeConfig withClasspath(List<String> entries) {
    return new AgentRuntimeConfig(entries, noiseSuppression);
  }
}
