package io.switchboard.agent.tool;

import io.switchboard.agent.Agent;
import java.util.Objects;

/** A tool result that hands the conversation to {@code next}, telling the model {@code message}. */
public record Handoff(Agent next, String message) {
  public Handoff {
    Objects.requireNonNull(next, "handoff target agent");
    message = message == null ? "" : message;
  }
}
