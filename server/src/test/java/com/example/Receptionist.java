package com.example;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.tool.FunctionTool;

/** The README's example agent (section "Agents"): keep the two in step. */
public class Receptionist extends Agent {
  // Offline stand-in for a chat model: regex rules on what the caller said.
  static final ScriptedLanguageModel SCRIPT = ScriptedLanguageModel.builder()
      .onInstructions("greet", ScriptedReply.say("Hello, Riverside Dental. How can I help?"))
      .onUser("open|hour", ScriptedReply.callTool("opening_hours", "{}").thenSay("We are open {opening_hours}."))
      .onUser("bill|invoice|pay", ScriptedReply.say("One moment, I'll put you through to billing.")
          .andCallTool("transfer_to_billing", "{}"))
      .build();

  public Receptionist() {
    super("You are the receptionist of Riverside Dental. Answer briefly.", new AgentModels(SCRIPT, null));
  }

  @Override
  public void onEnter(AgentSession session) {
    session.generateReply("greet the caller");
  }

  @FunctionTool("Today's opening hours")
  String openingHours() {
    return "from eight to six";
  }

  @FunctionTool("Transfer the caller to the billing team")
  Agent transferToBilling() {
    return new Billing(); // a handoff: Billing takes over, with the conversation so far
  }
}
