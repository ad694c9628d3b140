package io.switchboard.server.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.switchboard.agent.llm.ChatContext;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.LlmChunk;
import io.switchboard.agent.llm.LlmRequest;
import io.switchboard.server.config.AgentRuntimeConfig;
import io.switchboard.server.config.LlmProviderConfig;
import io.switchboard.server.config.SttProviderConfig;
import io.switchboard.server.config.TtsProviderConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** From agent_runtime to OpenAI-compatible providers: which ones, and where their keys come from. */
class RemoteModelsTest {
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static AgentRuntimeConfig runtime(LlmProviderConfig llm, SttProviderConfig stt, TtsProviderConfig tts) {
    return new AgentRuntimeConfig(null, null, stt, llm, tts);
  }

  @Test
  void embeddedEverywhereBuildsNothing() throws Exception {
    RemoteModels m = RemoteModels.from(AgentRuntimeConfig.DEFAULTS, Map.of(), executor, new SecureRandom());
    assertNull(m.stt());
    assertNull(m.llm());
    assertNull(m.tts());
  }

  @Test
  void openAiWithoutAKeyStopsTheStartWithTheVariableToSet() {
    var llm = new LlmProviderConfig("openai", null, null, null, null, null);
    var e = assertThrows(AgentSetupException.class,
        () -> RemoteModels.from(runtime(llm, null, null), Map.of(), executor, new SecureRandom()));
    assertEquals("agent_runtime.llm: https://api.openai.com/v1 needs an API key: set the environment variable OPENAI_API_KEY "
        + "or agent_runtime.llm.api_key", e.getMessage());
  }

  @Test
  void theKeyFromTheNamedVariableIsSentAndNeverShown() throws Exception {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.getRequestBody().readAllBytes();
      byte[] sse = ("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi there.\"},\"finish_reason\":\"stop\"}]}\n\n"
          + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, sse.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(sse);
      }
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
      var llm = new LlmProviderConfig("openai", base, "llama3.2", "VLLM_KEY", null, null);
      var tts = new TtsProviderConfig("openai", "http://kokoro.internal:8880/v1", "kokoro", "", null, "af_bella", null, null);
      RemoteModels m = RemoteModels.from(runtime(llm, null, tts), Map.of("VLLM_KEY", "sk-from-env"), executor, new SecureRandom());
      assertNull(m.stt());
      assertEquals(List.of("LLM 127.0.0.1/llama3.2", "TTS kokoro.internal/kokoro/af_bella"), m.describe());

      StringBuilder text = new StringBuilder();
      m.llm().chat(new LlmRequest("Be brief.", ChatContext.EMPTY.with(ChatItem.Message.user("Hello")), List.of(), ""),
          chunk -> text.append(((LlmChunk.TextDelta) chunk).text()));
      assertEquals("Hi there.", text.toString());
      assertEquals(List.of("Bearer sk-from-env"), authorizations);
      assertTrue(!m.toString().contains("sk-from-env"));
    } finally {
      server.stop(0);
    }
  }
}
