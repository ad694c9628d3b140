package io.switchboard.server.agents.demo;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.tool.FunctionTool;
import io.switchboard.agent.tool.ToolParam;

/** The demo's second persona: takes over from the {@link Receptionist} to book a table. */
public final class BookingsDesk extends Agent {
  static final ScriptedLanguageModel SCRIPT =
      ScriptedLanguageModel.builder()
          .onInstructions("introduce", ScriptedReply.say("Bookings desk here. For how many people, and at what time?"))
          .onUser("(\\w+) (?:people|persons|guests)", ScriptedReply.callTool("book_table", "{\"party\":\"$1\"}")
              .thenSay("Done: {book_table}. See you tonight!"))
          .fallback(ScriptedReply.say("Sorry, how many people will you be?"))
          .build();

  public BookingsDesk() {
    super("You take table bookings for the Corner Bistro.", new AgentModels(SCRIPT, null));
  }

  @Override
  public String name() {
    return "bookings";
  }

  @Override
  public void onEnter(AgentSession session) {
    session.generateReply("introduce yourself");
  }

  @FunctionTool("Book a table tonight for a party")
  String bookTable(@ToolParam(value = "how many people", name = "party") String party) {
    return "a table for " + party;
  }
}
