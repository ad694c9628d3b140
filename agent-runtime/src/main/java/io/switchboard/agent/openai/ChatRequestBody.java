package io.switchboard.agent.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.agent.llm.ChatItem;
import io.switchboard.agent.llm.LlmRequest;
import io.switchboard.agent.llm.ToolDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The JSON of a streamed chat completion request: the agent's instructions as the system
 * message, the conversation (tool calls as assistant {@code tool_calls}, their results as
 * {@code tool} messages), the tools as function definitions, and per-reply instructions last.
 */
final class ChatRequestBody {
  private final ObjectMapper json;

  ChatRequestBody(ObjectMapper json) {
    this.json = json;
  }

  String build(String model, LlmRequest request) {
    ObjectNode body = json.createObjectNode();
    body.put("model", model);
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    ArrayNode messages = body.putArray("messages");
    if (!request.instructions().isBlank()) {
      message(messages, "system", request.instructions());
    }
    addHistory(messages, request);
    if (!request.turnInstructions().isBlank()) {
      message(messages, "system", request.turnInstructions());
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolDefinition t : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", t.name());
        if (!t.description().isBlank()) {
          function.put("description", t.description());
        }
        function.set("parameters", parse(t.parametersSchemaJson(), "parameters schema of tool " + t.name()));
      }
    }
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void addHistory(ArrayNode messages, LlmRequest request) {
    ArrayNode pendingCalls = null; // tool_calls of the assistant message being built
    Set<String> calledIds = new HashSet<>();
    for (ChatItem item : request.history().items()) {
      switch (item) {
        case ChatItem.Message m -> {
          pendingCalls = null;
          if (!m.text().isBlank()) {
            message(messages, m.role().name().toLowerCase(java.util.Locale.ROOT), m.text());
          }
        }
        case ChatItem.FunctionCall c -> {
          if (pendingCalls == null) {
            ObjectNode assistant = messages.addObject().put("role", "assistant");
            assistant.putNull("content");
            pendingCalls = assistant.putArray("tool_calls");
          }
          ObjectNode call = pendingCalls.addObject().put("id", c.call().callId()).put("type", "function");
          call.putObject("function").put("name", c.call().name()).put("arguments", c.call().argumentsJson());
          calledIds.add(c.call().callId());
        }
        case ChatItem.FunctionCallOutput o -> {
          pendingCalls = null;
          // A result whose call is not in the history would be rejected by the API.
          if (calledIds.contains(o.callId())) {
            messages.addObject().put("role", "tool").put("tool_call_id", o.callId()).put("content", o.output());
          }
        }
        case ChatItem.AgentHandoff h -> {} // the new agent's instructions say who speaks now
      }
    }
  }

  private static void message(ArrayNode messages, String role, String content) {
    messages.addObject().put("role", role).put("content", content);
  }

  private JsonNode parse(String text, String what) {
    try {
      return json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
