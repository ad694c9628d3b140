package io.switchboard.agent.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ScriptedLanguageModel} rule answers. {@code text} is said first; then the
 * {@code toolCalls} are made; once their outputs are back, {@code afterTools} is said.
 *
 * <p>Templates: {@code $1}..{@code $9} are the rule's regex groups (JSON-escaped inside tool
 * arguments); {@code {tool_name}} is that tool's output (after tools only).
 */
public record ScriptedReply(String text, List<ScriptedToolCall> toolCalls, String afterTools) {
  public ScriptedReply {
    text = text == null ? "" : text;
    toolCalls = List.copyOf(toolCalls);
    afterTools = afterTools == null ? "" : afterTools;
  }

  /** A tool the rule calls, with a JSON-object argument template. */
  public record ScriptedToolCall(String name, String argumentsTemplate) {}

  public static ScriptedReply say(String text) {
    return new ScriptedReply(text, List.of(), "");
  }

  public static ScriptedReply callTool(String name, String argumentsTemplate) {
    return new ScriptedReply("", List.of(new ScriptedToolCall(name, argumentsTemplate)), "");
  }

  /** This reply plus one more tool call. */
  public ScriptedReply andCallTool(String name, String argumentsTemplate) {
    List<ScriptedToolCall> calls = new ArrayList<>(toolCalls);
    calls.add(new ScriptedToolCall(name, argumentsTemplate));
    return new ScriptedReply(text, calls, afterTools);
  }

  /** This reply, saying {@code template} once the tool outputs are back. */
  public ScriptedReply thenSay(String template) {
    return new ScriptedReply(text, toolCalls, template);
  }
}
