package io.switchboard.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** agent_runtime.stt / llm / tts: picking OpenAI-compatible servers in YAML. */
class AgentProvidersConfigTest {
  private final ConfigLoader loader = new ConfigLoader();

  private AgentRuntimeConfig parse(String yaml) throws ConfigException {
    return loader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml").agentRuntime();
  }

  @Test
  void defaultsAreTheEmbeddedModels() throws Exception {
    AgentRuntimeConfig c = parse("agent_runtime: {noise_suppression: rnnoise}\n");
    assertFalse(c.stt().openai() || c.llm().openai() || c.tts().openai());
    assertEquals("gpt-4o-mini", c.llm().model());
    assertEquals("OPENAI_API_KEY", c.llm().apiKeyEnv());
  }

  @Test
  void readsAnOllamaLlmAndOpenAiSpeech() throws Exception {
    AgentRuntimeConfig c = parse("""
        agent_runtime:
          llm: {provider: openai, base_url: "http://localhost:11434/v1", model: "llama3.2", api_key_env: "", timeout: 10s}
          stt: {provider: openai, model: gpt-4o-transcribe, language: en}
          tts: {provider: OpenAI, voice: nova, speed: 1.25, api_key: sk-inline}
        """);
    assertTrue(c.llm().openai());
    assertEquals("http://localhost:11434/v1", c.llm().baseUrl());
    assertEquals("llama3.2", c.llm().model());
    assertEquals("", c.llm().apiKeyEnv());
    assertEquals(Duration.ofSeconds(10), c.llm().timeout());
    assertEquals("https://api.openai.com/v1", c.stt().baseUrl());
    assertEquals("en", c.stt().language());
    assertTrue(c.tts().openai());
    assertEquals("nova", c.tts().voice());
    assertEquals(1.25, c.tts().speed());
    assertFalse(c.tts().toString().contains("sk-inline"), "keys stay out of logs: " + c.tts());
  }

  @Test
  void theShortFormPicksAProviderWithItsDefaults() throws Exception {
    AgentRuntimeConfig c = parse("agent_runtime: {llm: openai, stt: embedded, tts: openai}\n");
    assertEquals(new LlmProviderConfig("openai", null, null, null, null, null), c.llm());
    assertFalse(c.stt().openai());
    assertEquals("alloy", c.tts().voice());
  }

  @Test
  void mistakesAreNamedWithTheirKey() {
    var provider = assertThrows(ConfigException.class, () -> parse("agent_runtime: {llm: {provider: anthropic}}\n"));
    assertTrue(provider.getMessage().contains(
        "agent_runtime.llm.provider is 'embedded' or 'openai' (any OpenAI-compatible server), not 'anthropic'"), provider.getMessage());
    var url = assertThrows(ConfigException.class, () -> parse("agent_runtime: {stt: {base_url: 'localhost:8000'}}\n"));
    assertTrue(url.getMessage().contains("agent_runtime.stt.base_url must be an http:// or https:// URL"), url.getMessage());
    var speed = assertThrows(ConfigException.class, () -> parse("agent_runtime: {tts: {speed: 9}}\n"));
    assertTrue(speed.getMessage().contains("agent_runtime.tts.speed must be 0.25 to 4.0, not 9.0"), speed.getMessage());
    var unknown = assertThrows(ConfigException.class, () -> parse("agent_runtime: {llm: {voice: alloy}}\n"));
    assertTrue(unknown.getMessage().contains("'agent_runtime.llm.voice'"), unknown.getMessage());
  }
}
