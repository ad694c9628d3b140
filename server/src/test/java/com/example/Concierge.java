package com.example;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.phone.DialOptions;
import io.switchboard.agent.phone.DialResult;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.RunContext;
import java.time.Duration;

/** The README's warm-transfer example (section "Transfers and DTMF"): keep the two in step. */
public class Concierge extends Agent {
  static final String HUMAN = "+15105550111";

  static final ScriptedLanguageModel SCRIPT = ScriptedLanguageModel.builder()
      .onInstructions("greet", ScriptedReply.say("Concierge desk. How can I help?"))
      .onUser("human|person|someone", ScriptedReply.say("Let me get a colleague on the line.")
          .andCallTool("bring_in_human", "{}"))
      .build();

  public Concierge() {
    super("You are the concierge. Bring in a person when the caller asks for one.", new AgentModels(SCRIPT, null));
  }

  @Override
  public void onEnter(AgentSession session) {
    session.generateReply("greet the caller");
  }

  @FunctionTool("Call a colleague into this call, introduce the caller, then leave the two talking")
  String bringInHuman(RunContext context) throws InterruptedException {
    AgentSession session = context.session();
    var options = DialOptions.DEFAULT.withIdentity("colleague").withRingingTimeout(Duration.ofSeconds(30));
    return switch (session.phone().dial(HUMAN, options)) {
      case DialResult.Answered human -> {
        // The colleague joined this room: caller and colleague both hear the introduction,
        // then the agent leaves and they talk.
        session.say("Hello, this is the concierge. I have a caller who asked for a person; you are connected now.")
            .done().thenRun(session::close);
        yield "introduced the caller to " + human.participantIdentity();
      }
      case DialResult.Failed failed -> "nobody answered (" + failed.description() + "); offer to take a message";
    };
  }
}
