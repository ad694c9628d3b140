package io.switchboard.server.agents.demo;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentModels;
import io.switchboard.agent.AgentSession;
import io.switchboard.agent.llm.ScriptedLanguageModel;
import io.switchboard.agent.llm.ScriptedReply;
import io.switchboard.agent.tool.FunctionTool;

/**
 * The built-in demo agent ("demo"): the receptionist of a small restaurant. It greets the
 * caller, tells the opening hours (a tool), and for a booking checks for a free table (a tool)
 * and hands the caller over to the {@link BookingsDesk} (a handoff). Its model is a script, so
 * it runs offline; with a real model the same class would work from its instructions.
 */
public final class Receptionist extends Agent {
  static final ScriptedLanguageModel SCRIPT =
      ScriptedLanguageModel.builder()
          .onInstructions("greet", ScriptedReply.say("Hello, you are through to the Corner Bistro. How can I help?"))
          .onUser("book|table|reserv", ScriptedReply.say("Let me check that we have a table.")
              .andCallTool("free_tables", "{}")
              .andCallTool("transfer_to_bookings", "{}"))
          .onUser("open|hour|close", ScriptedReply.callTool("opening_hours", "{}").thenSay("We are open {opening_hours}."))
          .fallback(ScriptedReply.say("Sorry, I can tell you our opening hours, or put you through to bookings."))
          .build();

  public Receptionist() {
    super("You are the receptionist of the Corner Bistro. Answer briefly. Pass bookings to the bookings desk.",
        new AgentModels(SCRIPT, null));
  }

  @Override
  public String name() {
    return "receptionist";
  }

  @Override
  public void onEnter(AgentSession session) {
    session.generateReply("greet the caller");
  }

  @FunctionTool("Today's opening hours")
  String openingHours() {
    return "from noon to eleven at night";
  }

  @FunctionTool("How many tables are still free tonight")
  String freeTables() {
    return "two tables";
  }

  @FunctionTool("Put the caller through to the bookings desk")
  Agent transferToBookings() {
    return new BookingsDesk();
  }
}
