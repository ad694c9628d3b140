package io.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.agent.llm.LlmChunk;
import io.switchboard.agent.llm.ToolCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns the {@code data:} payloads of a streamed chat completion into {@link LlmChunk}s. Text
 * deltas go out as they come; tool calls arrive in pieces keyed by {@code index} (the id, type
 * and name in the first piece, the arguments string split over many) and go out whole, in index
 * order, when the stream ends. Only choice 0 is read (requests never ask for {@code n > 1}).
 */
final class ChatStream {
  /** Thrown for a stream that does not follow the protocol; the caller adds provider and URL. */
  static final class Malformed extends Exception {
    Malformed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final class PartialCall {
    String id;
    String name;
    final StringBuilder arguments = new StringBuilder();
  }

  private final ObjectMapper json;
  private final Consumer<LlmChunk> out;
  private final TreeMap<Integer, PartialCall> calls = new TreeMap<>();
  private String finishReason;
  private boolean done;
  private long promptTokens = -1;
  private long completionTokens = -1;
  private int events;

  ChatStream(ObjectMapper json, Consumer<LlmChunk> out) {
    this.json = json;
    this.out = out;
  }

  /** One event's data. Returns false once {@code [DONE]} has been seen. */
  boolean accept(String data) throws Malformed {
    events++;
    if (data.strip().equals("[DONE]")) {
      done = true;
      return false;
    }
    JsonNode chunk;
    try {
      chunk = json.readTree(data);
    } catch (IOException e) {
      throw new Malformed("event " + events + " is not JSON: " + abbreviate(data), e);
    }
    if (chunk == null || !chunk.isObject()) {
      throw new Malformed("event " + events + " is not a JSON object: " + abbreviate(data), null);
    }
    JsonNode error = chunk.get("error");
    if (error != null && !error.isNull()) {
      String message = error.isObject() ? error.path("message").asText(error.toString()) : error.asText();
      throw new Malformed("the stream reported an error: " + message, null);
    }
    JsonNode usage = chunk.get("usage");
    if (usage != null && usage.isObject()) {
      promptTokens = usage.path("prompt_tokens").asLong(-1);
      completionTokens = usage.path("completion_tokens").asLong(-1);
    }
    JsonNode choices = chunk.path("choices");
    for (JsonNode choice : choices) {
      if (choice.path("index").asInt(0) != 0) {
        continue;
      }
      JsonNode delta = choice.path("delta");
      JsonNode content = delta.get("content");
      if (content != null && content.isTextual() && !content.asText().isEmpty()) {
        out.accept(new LlmChunk.TextDelta(content.asText()));
      }
      for (JsonNode piece : delta.path("tool_calls")) {
        addPiece(piece);
      }
      JsonNode finish = choice.get("finish_reason");
      if (finish != null && finish.isTextual()) {
        finishReason = finish.asText();
      }
    }
    return true;
  }

  /** The stream ended: emits the assembled tool calls, or says why the stream was incomplete. */
  void finish() throws Malformed {
    if (!done && finishReason == null) {
      throw new Malformed("the stream ended after " + events + " events without a finish_reason or data: [DONE]", null);
    }
    List<ToolCall> complete = new ArrayList<>(calls.size());
    for (var e : calls.entrySet()) {
      PartialCall p = e.getValue();
      if (p.name == null || p.name.isEmpty()) {
        throw new Malformed("tool call at index " + e.getKey() + " has no function name", null);
      }
      String arguments = p.arguments.toString();
      if (!arguments.isBlank()) {
        try {
          if (!json.readTree(arguments).isObject()) {
            throw new Malformed("arguments of tool call " + p.name + " are not a JSON object: " + abbreviate(arguments), null);
          }
        } catch (IOException bad) {
          throw new Malformed("arguments of tool call " + p.name + " are not valid JSON: " + abbreviate(arguments), bad);
        }
      }
      String id = p.id != null && !p.id.isEmpty() ? p.id : "call_" + e.getKey();
      complete.add(new ToolCall(id, p.name, arguments));
    }
    for (ToolCall call : complete) {
      out.accept(new LlmChunk.ToolCallRequested(call));
    }
  }

  /** "stop", "tool_calls", "length", … or null. */
  String finishReason() {
    return finishReason;
  }

  long promptTokens() {
    return promptTokens;
  }

  long completionTokens() {
    return completionTokens;
  }

  private void addPiece(JsonNode piece) throws Malformed {
    JsonNode index = piece.get("index");
    // Some servers (older llama.cpp, some proxies) leave out the index when there is one call.
    int i = index != null && index.canConvertToInt() ? index.asInt() : calls.isEmpty() ? 0 : calls.lastKey();
    if (i < 0) {
      throw new Malformed("tool call delta with a negative index: " + piece, null);
    }
    PartialCall call = calls.computeIfAbsent(i, k -> new PartialCall());
    JsonNode id = piece.get("id");
    if (id != null && id.isTextual() && !id.asText().isEmpty()) {
      call.id = id.asText();
    }
    JsonNode function = piece.path("function");
    JsonNode name = function.get("name");
    if (name != null && name.isTextual() && !name.asText().isEmpty()) {
      call.name = call.name == null ? name.asText() : call.name;
    }
    JsonNode arguments = function.get("arguments");
    if (arguments != null && arguments.isTextual()) {
      call.arguments.append(arguments.asText());
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
