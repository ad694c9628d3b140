package io.switchboard.sip.inbound;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Where an authorized call goes. */
public sealed interface DispatchDecision {
  /**
   * Take the call: ring until {@code readyToAnswer} completes (someone in the room can hear the
   * caller), then answer. A failed future ends the call with 480.
   */
  record Join(CompletionStage<Void> readyToAnswer, CallOptions options, CallListener listener)
      implements DispatchDecision {
    public Join {
      Objects.requireNonNull(readyToAnswer, "readyToAnswer");
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(listener, "listener");
    }
  }

  /** Refuse with a final response (404 no rule matched, 486, 603...). */
  record Reject(int status, String reason) implements DispatchDecision {
    public Reject {
      if (status < 400 || status > 699) {
        throw new IllegalArgumentException("a rejection needs a 4xx-6xx status, got " + status);
      }
    }
  }

  /** Say nothing. */
  record Drop() implements DispatchDecision {}
}
