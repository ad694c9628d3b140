package com.example;

import io.switchboard.agent.Agent;
import io.switchboard.agent.AgentSession;

/** An agent that opens with what its dispatch's metadata says (LiveKit's {@code ctx.job.metadata}). */
public class TicketDesk extends Agent {
  public TicketDesk() {
    super("You handle support tickets.");
  }

  @Override
  public void onEnter(AgentSession session) {
    session.say("Hello, this is about " + session.job().metadata() + ".");
  }
}
