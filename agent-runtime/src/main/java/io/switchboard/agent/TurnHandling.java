package io.switchboard.agent;

import java.util.Objects;

/** How the session decides the user's turn is over and when the user may cut in. */
public record TurnHandling(EndpointingOptions endpointing, InterruptionOptions interruption) {
  public static final TurnHandling DEFAULT = new TurnHandling(EndpointingOptions.DEFAULT, InterruptionOptions.DEFAULT);

  public TurnHandling {
    Objects.requireNonNull(endpointing, "endpointing");
    Objects.requireNonNull(interruption, "interruption");
  }
}
