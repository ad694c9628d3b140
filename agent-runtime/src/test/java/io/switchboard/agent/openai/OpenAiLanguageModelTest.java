package io.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.agent.llm.ChatContext;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.LlmChunk;
import io.switchboard.agent.llm.LlmRequest;
import io.switchboard.agent.llm.ToolCall;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.ToolParam;
import io.switchboard.agent.tool.Toolset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streamed chat completions against recorded OpenAI wire captures served over local HTTP. */
class OpenAiLanguageModelTest {
  private static final String KEY = "sk-test-0123456789abcdef";
  private final ReplayServer server = new ReplayServer();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Tools as an agent declares them; their schemas come from the method signatures. */
  static final class Restaurant {
    @FunctionTool("Book a table")
    String bookTable(@ToolParam("Which day") String day, @ToolParam("How many people") int partySize) {
      return "booked";
    }

    @FunctionTool("Weather in a city")
    String checkWeather(String city) {
      return "sunny";
    }
  }

  private OpenAiLanguageModel model() {
    return new OpenAiLanguageModel(OpenAiEndpoint.of("openai", server.baseUrl(), "gpt-4o-mini", KEY));
  }

  private static LlmRequest conversation() {
    ChatContext history = ChatContext.EMPTY
        .with(ChatItem.Message.assistant("Hello, you are through to the restaurant."))
        .with(ChatItem.Message.user("What's the weather in Paris?"))
        .with(new ChatItem.FunctionCall(new ToolCall("call_1", "check_weather", "{\"city\":\"Paris\"}")))
        .with(new ChatItem.FunctionCallOutput("call_1", "check_weather", "sunny", false))
        .with(ChatItem.Message.assistant("It is sunny in Paris."))
        .with(new ChatItem.AgentHandoff("receptionist", "bookings"))
        .with(ChatItem.Message.user("Book a table for four tomorrow."));
    return new LlmRequest("You take bookings.", history, Toolset.of(List.of(new Restaurant())).definitions(), "Be brief.");
  }

  private List<LlmChunk> chat(OpenAiLanguageModel model, LlmRequest request) throws InterruptedException {
    List<LlmChunk> chunks = new CopyOnWriteArrayList<>();
    model.chat(request, chunks::add);
    return chunks;
  }

  private static String text(List<LlmChunk> chunks) {
    StringBuilder sb = new StringBuilder();
    chunks.forEach(c -> { if (c instanceof LlmChunk.TextDelta d) sb.append(d.text()); });
    return sb.toString();
  }

  @Test
  void streamsTheTextAndSendsTheRequestOpenAiDocuments() throws Exception {
    server.route("chat/completions", ReplayServer.pieces("text/event-stream", ReplayServer.capture("chat-text.sse"), 7));
    List<LlmChunk> chunks = chat(model(), conversation());

    assertEquals("Certainly! I've booked a table for four tomorrow at seven. Is there anything else?", text(chunks));
    assertEquals(18, chunks.size(), "one delta per content token; the empty first delta, finish and usage chunks add none");

    ReplayServer.Recorded request = server.requests().getFirst();
    assertEquals("POST", request.method());
    assertEquals("/v1/chat/completions", request.path());
    assertEquals("Bearer " + KEY, request.header("authorization"));
    assertEquals("application/json", request.header("content-type"));
    JsonNode body = json.readTree(request.body());
    assertEquals("gpt-4o-mini", body.get("model").asText());
    assertTrue(body.get("stream").asBoolean());
    assertTrue(body.at("/stream_options/include_usage").asBoolean());
    JsonNode expectedMessages = json.readTree("""
        [{"role":"system","content":"You take bookings."},
         {"role":"assistant","content":"Hello, you are through to the restaurant."},
         {"role":"user","content":"What's the weather in Paris?"},
         {"role":"assistant","content":null,"tool_calls":[
           {"id":"call_1","type":"function","function":{"name":"check_weather","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
         {"role":"tool","tool_call_id":"call_1","content":"sunny"},
         {"role":"assistant","content":"It is sunny in Paris."},
         {"role":"user","content":"Book a table for four tomorrow."},
         {"role":"system","content":"Be brief."}]""");
    assertEquals(expectedMessages, body.get("messages"));
    JsonNode tools = body.get("tools");
    assertEquals(2, tools.size());
    // Declared-method order is up to the JVM: find each by name.
    JsonNode book = tools.get(0).at("/function/name").asText().equals("book_table") ? tools.get(0) : tools.get(1);
    JsonNode weather = book == tools.get(0) ? tools.get(1) : tools.get(0);
    assertEquals("function", book.get("type").asText());
    assertEquals("book_table", book.at("/function/name").asText());
    assertEquals("Book a table", book.at("/function/description").asText());
    assertEquals("object", book.at("/function/parameters/type").asText());
    assertEquals("integer", book.at("/function/parameters/properties/partySize/type").asText());
    assertEquals("How many people", book.at("/function/parameters/properties/partySize/description").asText());
    assertEquals(json.readTree("[\"day\",\"partySize\"]"), book.at("/function/parameters/required"));
    assertEquals("check_weather", weather.at("/function/name").asText());
    assertEquals("string", weather.at("/function/parameters/properties/city/type").asText());
  }

  @Test
  void assemblesToolCallsSplitAcrossChunksByIndex() throws Exception {
    server.route("chat/completions", ReplayServer.pieces("text/event-stream", ReplayServer.capture("chat-tool-calls.sse"), 13));
    List<LlmChunk> chunks = chat(model(), conversation());

    assertEquals(List.of(
        new LlmChunk.ToolCallRequested(new ToolCall("call_8fQw2Lr0", "book_table", "{\"day\":\"tomorrow\",\"partySize\": 4}")),
        new LlmChunk.ToolCallRequested(new ToolCall("call_Zk41mNq7", "check_weather", "{\"city\": \"Paris\"}"))),
        chunks);
    // The assembled arguments bind to the declared tool: the agent can run it.
    var outcome = Toolset.of(List.of(new Restaurant())).tool("book_table").orElseThrow()
        .invoke(((LlmChunk.ToolCallRequested) chunks.getFirst()).call().argumentsJson(), null);
    assertEquals("booked", outcome.output());
  }

  @Test
  void acceptsAWholeToolCallInOneChunkAsOllamaSendsIt() throws Exception {
    // The shape of Ollama's OpenAI-compatible stream: the call arrives whole, no usage chunk.
    server.route("chat/completions", ReplayServer.pieces("text/event-stream", ReplayServer.capture("ollama-tool-call.sse"), 4096));
    OpenAiLanguageModel ollama = new OpenAiLanguageModel(OpenAiEndpoint.of("ollama", server.baseUrl(), "llama3.2", ""));
    assertEquals(List.of(new LlmChunk.ToolCallRequested(new ToolCall("call_x4ke2nzo", "check_weather", "{\"city\":\"Paris\"}"))),
        chat(ollama, conversation()));
    assertEquals(null, server.requests().getFirst().header("authorization"), "no key, no Authorization header");
  }

  @Test
  void theFirstTokenIsHandedOnWhileTheServerIsStillWriting() throws Exception {
    byte[] capture = ReplayServer.capture("chat-text.sse");
    int firstEvents = new String(capture, StandardCharsets.UTF_8).indexOf("\" I\"");
    // Pauses after the bytes that carry "Certainly" and "!": the rest waits for the client.
    ReplayServer.Streamed reply = new ReplayServer.Streamed("text/event-stream", capture, firstEvents, 1, 0);
    server.route("chat/completions", reply);
    StringBuilder text = new StringBuilder();
    model().chat(conversation(), chunk -> {
      if (chunk instanceof LlmChunk.TextDelta d) {
        text.append(d.text());
        if (text.toString().equals("Certainly!")) {
          reply.open(); // only reachable if these tokens arrived before the server went on
        }
      }
    });
    assertTrue(reply.openedByClient, "the first tokens reached the consumer while the server was paused");
    assertTrue(text.toString().endsWith("Is there anything else?"));
  }

  @Test
  void interruptingTheReplyClosesTheStream() throws Exception {
    byte[] capture = ReplayServer.capture("chat-text.sse");
    int firstEvents = new String(capture, StandardCharsets.UTF_8).indexOf("\" I\"");
    ReplayServer.Streamed reply = new ReplayServer.Streamed("text/event-stream", capture, firstEvents, 1, 2000);
    server.route("chat/completions", reply);
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    List<LlmChunk> chunks = new CopyOnWriteArrayList<>();
    Thread.ofVirtual().start(() -> {
      caller.set(Thread.currentThread());
      try {
        model().chat(conversation(), chunks::add);
        ended.complete(null);
      } catch (Throwable t) {
        ended.complete(t);
      }
    });
    assertTrue(reply.paused.await(10, TimeUnit.SECONDS));
    while (chunks.size() < 2) {
      Thread.onSpinWait(); // the two deltas before the pause are on their way
    }
    caller.get().interrupt(); // what a barge-in does to the reply's thread
    reply.open();

    assertInstanceOf(InterruptedException.class, ended.get(10, TimeUnit.SECONDS));
    assertTrue(reply.clientClosed.await(10, TimeUnit.SECONDS), "the server saw the connection closed");
    assertEquals("Certainly!", text(chunks), "nothing was handed on after the interruption");
  }

  @Test
  void errorsNameTheProviderUrlAndStatusButNeverTheKey() {
    server.route("chat/completions",
        ReplayServer.status(401, "application/json",
            "{\"error\":{\"message\":\"Incorrect API key provided: sk-test-***cdef.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"),
        ReplayServer.status(429, "application/json",
            "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}",
            "Retry-After", "20"),
        ReplayServer.status(503, "text/html", "<html><body>upstream unavailable</body></html>"));
    String url = server.uri("chat/completions").toString();

    OpenAiException unauthorized = assertThrows(OpenAiException.class, () -> chat(model(), conversation()));
    assertEquals("openai at " + url + " answered HTTP 401: unauthorized (check the API key): Incorrect API key provided: sk-test-***cdef.",
        unauthorized.getMessage());
    assertFalse(unauthorized.retryable());

    OpenAiException limited = assertThrows(OpenAiException.class, () -> chat(model(), conversation()));
    assertEquals("openai at " + url + " answered HTTP 429: rate limited or out of quota (retry after 20 s): Rate limit reached for gpt-4o-mini",
        limited.getMessage());
    assertTrue(limited.retryable());

    OpenAiException down = assertThrows(OpenAiException.class, () -> chat(model(), conversation()));
    assertEquals(503, down.status());
    assertTrue(down.getMessage().endsWith("answered HTTP 503: server error: <html><body>upstream unavailable</body></html>"), down.getMessage());
    for (OpenAiException e : List.of(unauthorized, limited, down)) {
      assertFalse(e.getMessage().contains(KEY));
    }
  }

  @Test
  void aMalformedStreamIsAnErrorNotAHang() {
    String good = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n";
    server.route("chat/completions",
        ReplayServer.status(200, "text/event-stream", good + "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}\n\n"),
        ReplayServer.status(200, "text/event-stream", good),
        ReplayServer.status(200, "text/event-stream", "data: {\"error\":{\"message\":\"model overloaded\"}}\n\n"));
    String url = server.uri("chat/completions").toString();

    OpenAiException notJson = assertThrows(OpenAiException.class, () -> chat(model(), conversation()));
    assertTrue(notJson.getMessage().startsWith("openai at " + url + ": malformed stream: event 2 is not JSON"), notJson.getMessage());
    OpenAiException cut = assertThrows(OpenAiException.class, () -> chat(model(), conversation()));
    assertTrue(cut.getMessage().contains("the stream ended after 1 events without a finish_reason or data: [DONE]"), cut.getMessage());
    OpenAiException reported = assertThrows(OpenAiException.class, () -> chat(model(), conversation()));
    assertTrue(reported.getMessage().endsWith("the stream reported an error: model overloaded"), reported.getMessage());
  }

  @Test
  void aServerThatStallsMidStreamTimesOutInsteadOfHanging() throws Exception {
    byte[] capture = ReplayServer.capture("chat-text.sse");
    int firstEvents = new String(capture, StandardCharsets.UTF_8).indexOf("\" I\"");
    ReplayServer.Streamed reply = new ReplayServer.Streamed("text/event-stream", capture, firstEvents, 1, 0);
    server.route("chat/completions", reply);
    OpenAiLanguageModel model = new OpenAiLanguageModel(
        OpenAiEndpoint.of("vllm", server.baseUrl(), "qwen", "").withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300)));
    List<LlmChunk> chunks = new CopyOnWriteArrayList<>();
    OpenAiException e = assertThrows(OpenAiException.class, () -> model.chat(conversation(), chunks::add));
    reply.open();
    assertEquals("vllm at " + server.uri("chat/completions")
        + ": the stream broke: java.net.http.HttpTimeoutException: the server sent nothing for 300 ms", e.getMessage());
    assertEquals("Certainly!", text(chunks), "what came before the stall was handed on");
  }

  @Test
  void anUnreachableServerIsAClearError() throws Exception {
    String url = server.baseUrl();
    server.close();
    OpenAiLanguageModel model = new OpenAiLanguageModel(OpenAiEndpoint.of("ollama", url, "llama3.2", ""));
    OpenAiException e = assertThrows(OpenAiException.class, () -> chat(model, conversation()));
    assertTrue(e.getMessage().startsWith("ollama at " + url + "/chat/completions: cannot connect"), e.getMessage());
    assertEquals(0, e.status());
  }
}
