package com.example;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentEvent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.phone.PhoneControl;
import io.switchboard.agent.phone.TransferOptions;
import io.switchboard.agent.phone.TransferResult;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.RunContext;
import java.time.Duration;
import java.util.Map;

/** The README's cold-transfer example (section "Transfers and DTMF"): keep the two in step. */
public class FrontDesk extends Agent {
  static final String HUMAN = "tel:+15105550111";

  static final ScriptedLanguageModel SCRIPT = ScriptedLanguageModel.builder()
      .onInstructions("greet", ScriptedReply.say("Front desk. Press 1 for opening hours, or ask for a person."))
      .onUser("human|person|someone", ScriptedReply.say("Putting you through.").andCallTool("transfer_to_human", "{}"))
      .build();

  public FrontDesk() {
    super("You are the front desk. Transfer callers who ask for a person.", new AgentModels(SCRIPT, null));
  }

  @Override
  public void onEnter(AgentSession session) {
    session.addListener(event -> {
      if (event instanceof AgentEvent.SipDtmfReceived key && key.key() == '1') {
        session.say("We are open from eight to six.");
      }
    });
    session.generateReply("greet the caller");
  }

  @FunctionTool("Transfer the caller to a person at the front desk")
  String transferToHuman(RunContext context) throws InterruptedException {
    PhoneControl phone = context.session().phone();
    String caller = phone.callers().getFirst();
    var options = new TransferOptions(true, Map.of("X-Transfer-Reason", "vip"), Duration.ofSeconds(30));
    return switch (phone.transfer(caller, HUMAN, options)) {
      case TransferResult.Transferred done -> "transferred to " + done.target();
      case TransferResult.Failed failed -> "the transfer failed (" + failed.description() + "); offer to take a message";
    };
  }
}
