package io.switchboard.server.config;

import java.util.List;
import java.util.Locale;

/**
 * How in-process voice agents run. {@code classpath}: jars and class directories that agent
 * classes named under {@code agents:} are loaded from, besides the server's own classpath.
 * {@code noiseSuppression}: {@code none} or {@code rnnoise} (cleans the caller's audio before the
 * agent listens, about 9 % of a core per call).
 *
 * <p>{@code stt}, {@code llm}, {@code tts}: the embedded offline models (Sphinx4, each agent's
 * scripted model, FreeTTS), or an OpenAI-compatible server for any of them. VAD is Silero.
 */
public record AgentRuntimeConfig(
    List<String> classpath, String noiseSuppression, SttProviderConfig stt, LlmProviderConfig llm, TtsProviderConfig tts) {

  public static final AgentRuntimeConfig DEFAULTS = new AgentRuntimeConfig(null, null, null, null, null);

  public AgentRuntimeConfig {
    classpath = classpath == null ? List.of() : List.copyOf(classpath);
    noiseSuppression = noiseSuppression == null ? "none" : noiseSuppression.toLowerCase(Locale.ROOT);
    if (!noiseSuppression.equals("none") && !noiseSuppression.equals("rnnoise")) {
      throw new IllegalArgumentException("noise_suppression is 'none' or 'rnnoise', not '" + noiseSuppression + "'");
    }
    stt = stt == null ? SttProviderConfig.DEFAULTS : stt;
    llm = llm == null ? LlmProviderConfig.DEFAULTS : llm;
    tts = tts == null ? TtsProviderConfig.DEFAULTS : tts;
  }

  public boolean rnnoise() {
    return noiseSuppression.equals("rnnoise");
  }

  public AgentRuntimeConfig withClasspath(List<String> entries) {
    return new AgentRuntimeConfig(entries, noiseSuppression, stt, llm, tts);
  }
}
