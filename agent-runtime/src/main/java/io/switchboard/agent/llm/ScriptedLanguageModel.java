package io.switchboard.agent.llm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a chat model, for demos and tests where no model weights are
 * available: ordered regex rules on the user's last message (or on {@code generateReply}
 * instructions) answer with text and/or tool calls. A rule applies only when every tool it
 * calls is offered in the request, so the same script serves several agents. Text streams word
 * by word, as a real model's tokens would.
 */
public final class ScriptedLanguageModel implements LanguageModel {
  /** What a rule is matched against. */
  public enum Trigger {
    USER_MESSAGE,
    INSTRUCTIONS
  }

  /** One rule. */
  public record Rule(Trigger trigger, Pattern pattern, ScriptedReply reply) {}

  private final List<Rule> rules;
  private final ScriptedReply fallback;

  private ScriptedLanguageModel(List<Rule> rules, ScriptedReply fallback) {
    this.rules = List.copyOf(rules);
    this.fallback = fallback;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void chat(LlmRequest request, Consumer<LlmChunk> out) throws InterruptedException {
    boolean fromInstructions = !request.turnInstructions().isBlank();
    String input =
        fromInstructions
            ? request.turnInstructions()
            : request.history().lastMessage(ChatRole.USER).map(ChatItem.Message::text).orElse("");
    Trigger trigger = fromInstructions ? Trigger.INSTRUCTIONS : Trigger.USER_MESSAGE;
    Optional<Matched> matched = match(trigger, input, request);
    ScriptedReply reply = matched.map(Matched::reply).orElse(fallback);
    Matcher groups = matched.map(Matched::matcher).orElse(null);

    Map<String, String> outputs = toolOutputs(request.history().sinceLastUserMessage());
    boolean toolsDone = !reply.toolCalls().isEmpty()
        && reply.toolCalls().stream().allMatch(c -> outputs.containsKey(c.name()));
    if (toolsDone) {
      stream(substitute(reply.afterTools(), groups, outputs, false), out);
      return;
    }
    stream(substitute(reply.text(), groups, Map.of(), false), out);
    int index = request.history().items().size();
    for (ScriptedReply.ScriptedToolCall call : reply.toolCalls()) {
      String args = substitute(call.argumentsTemplate(), groups, Map.of(), true);
      out.accept(new LlmChunk.ToolCallRequested(new ToolCall("call_" + index++ + "_" + call.name(), call.name(), args)));
    }
  }

  private record Matched(ScriptedReply reply, Matcher matcher) {}

  private Optional<Matched> match(Trigger trigger, String input, LlmRequest request) {
    for (Rule rule : rules) {
      if (rule.trigger() != trigger) {
        continue;
      }
      Matcher m = rule.pattern().matcher(input);
      if (m.find() && offersAll(request, rule.reply())) {
        return Optional.of(new Matched(rule.reply(), m));
      }
    }
    return Optional.empty();
  }

  private static boolean offersAll(LlmRequest request, ScriptedReply reply) {
    return reply.toolCalls().stream()
        .allMatch(c -> request.tools().stream().anyMatch(t -> t.name().equals(c.name())));
  }

  private static Map<String, String> toolOutputs(List<ChatItem> items) {
    Map<String, String> outputs = new HashMap<>();
    for (ChatItem item : items) {
      if (item instanceof ChatItem.FunctionCallOutput o) {
        outputs.put(o.name(), o.output());
      }
    }
    return outputs;
  }

  private static String substitute(String template, Matcher groups, Map<String, String> outputs, boolean json) {
    String text = template;
    if (groups != null) {
      for (int g = Math.min(9, groups.groupCount()); g >= 1; g--) {
        String value = groups.group(g) == null ? "" : groups.group(g);
        text = text.replace("$" + g, json ? jsonEscape(value) : value);
      }
    }
    for (var e : outputs.entrySet()) {
      text = text.replace("{" + e.getKey() + "}", e.getValue());
    }
    return text;
  }

  private static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static void stream(String text, Consumer<LlmChunk> out) throws InterruptedException {
    if (text.isEmpty()) {
      return;
    }
    int start = 0;
    while (start < text.length()) {
      if (Thread.interrupted()) {
        throw new InterruptedException("scripted reply cancelled");
      }
      int space = text.indexOf(' ', start);
      int end = space < 0 ? text.length() : space + 1;
      out.accept(new LlmChunk.TextDelta(text.substring(start, end)));
      start = end;
    }
  }

  /** Builds a script; rules are tried in the order they were added. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private ScriptedReply fallback = ScriptedReply.say("Sorry, I can't help with that.");

    /** Answers a user message matching {@code regex} (searched, case-insensitive). */
    public Builder onUser(String regex, ScriptedReply reply) {
      rules.add(new Rule(Trigger.USER_MESSAGE, compile(regex), reply));
      return this;
    }

    /** Answers {@code generateReply(instructions)} when the instructions match {@code regex}. */
    public Builder onInstructions(String regex, ScriptedReply reply) {
      rules.add(new Rule(Trigger.INSTRUCTIONS, compile(regex), reply));
      return this;
    }

    /** What to say when no rule matches. */
    public Builder fallback(ScriptedReply reply) {
      this.fallback = reply;
      return this;
    }

    public ScriptedLanguageModel build() {
      return new ScriptedLanguageModel(rules, fallback);
    }

    private static Pattern compile(String regex) {
      return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
  }
}
