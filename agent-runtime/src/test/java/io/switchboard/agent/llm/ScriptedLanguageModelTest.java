package io.switchboard.agent.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedLanguageModelTest {
  private static final ToolDefinition HOURS = new ToolDefinition("opening_hours", "hours", "{\"type\":\"object\"}");
  private static final ToolDefinition BILLING = new ToolDefinition("transfer_to_billing", "billing", "{\"type\":\"object\"}");

  private final ScriptedLanguageModel llm = ScriptedLanguageModel.builder()
      .onUser("opening hours(?: on (\\w+))?", ScriptedReply.callTool("opening_hours", "{\"day\":\"$1\"}").thenSay("We are open {opening_hours}."))
      .onUser("bill|invoice", ScriptedReply.say("Let me transfer you.").andCallTool("transfer_to_billing", "{}"))
      .onUser("bill|invoice", ScriptedReply.say("I can't transfer you, sorry."))
      .onInstructions("greet", ScriptedReply.say("Hello! Thanks for calling."))
      .fallback(ScriptedReply.say("Could you say that again?"))
      .build();

  private static List<LlmChunk> run(LanguageModel llm, LlmRequest request) throws InterruptedException {
    List<LlmChunk> out = new ArrayList<>();
    llm.chat(request, out::add);
    return out;
  }

  private static String text(List<LlmChunk> chunks) {
    StringBuilder b = new StringBuilder();
    chunks.forEach(c -> { if (c instanceof LlmChunk.TextDelta d) b.append(d.text()); });
    return b.toString();
  }

  @Test
  void userRuleCallsToolWithRegexGroupThenAnswersWithItsOutput() throws Exception {
    ChatContext ctx = ChatContext.EMPTY.with(ChatItem.Message.user("What are your opening hours on Sunday?"));
    List<LlmChunk> first = run(llm, new LlmRequest("", ctx, List.of(HOURS), ""));
    assertEquals(List.of(new LlmChunk.ToolCallRequested(new ToolCall("call_1_opening_hours", "opening_hours", "{\"day\":\"Sunday\"}"))), first);

    ChatContext after = ctx.with(new ChatItem.FunctionCall(((LlmChunk.ToolCallRequested) first.get(0)).call()))
        .with(new ChatItem.FunctionCallOutput("call_1_opening_hours", "opening_hours", "from 10 to 4", false));
    List<LlmChunk> second = run(llm, new LlmRequest("", after, List.of(HOURS), ""));
    assertEquals("We are open from 10 to 4.", text(second));
    assertEquals(List.of("We ", "are ", "open ", "from ", "10 ", "to ", "4."),
        second.stream().map(c -> ((LlmChunk.TextDelta) c).text()).toList(), "streams word by word");
  }

  @Test
  void ruleNeedingAnUnofferedToolIsSkipped() throws Exception {
    ChatContext ctx = ChatContext.EMPTY.with(ChatItem.Message.user("question about my invoice"));
    List<LlmChunk> withTool = run(llm, new LlmRequest("", ctx, List.of(BILLING), ""));
    assertEquals("Let me transfer you.", text(withTool));
    assertEquals("transfer_to_billing", ((LlmChunk.ToolCallRequested) withTool.get(withTool.size() - 1)).call().name());
    assertEquals("I can't transfer you, sorry.", text(run(llm, new LlmRequest("", ctx, List.of(), ""))));
  }

  @Test
  void instructionsRulesAnswerGenerateReplyAndFallbackOtherwise() throws Exception {
    assertEquals("Hello! Thanks for calling.", text(run(llm, new LlmRequest("", ChatContext.EMPTY, List.of(), "Greet the caller"))));
    ChatContext ctx = ChatContext.EMPTY.with(ChatItem.Message.user("blah"));
    assertEquals("Could you say that again?", text(run(llm, new LlmRequest("", ctx, List.of(HOURS), ""))));
  }

  @Test
  void interruptedThreadCancelsTheStream() {
    Thread.currentThread().interrupt();
    org.junit.jupiter.api.Assertions.assertThrows(InterruptedException.class,
        () -> run(llm, new LlmRequest("", ChatContext.EMPTY, List.of(), "greet")));
  }
}
