package com.example;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;

/** The README example's second persona, which the {@link Receptionist} hands callers over to. */
public class Billing extends Agent {
  static final ScriptedLanguageModel SCRIPT = ScriptedLanguageModel.builder()
      .onInstructions("introduce", ScriptedReply.say("Billing here. What is your invoice number?"))
      .build();

  public Billing() {
    super("You answer questions about invoices.", new AgentModels(SCRIPT, null));
  }

  @Override
  public void onEnter(AgentSession session) {
    session.generateReply("introduce yourself");
  }
}
