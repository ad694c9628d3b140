package io.switchboard.sip.inbound;

import io.switchboard.sip.auth.UserCredentials;
import java.util.Objects;
import java.util.Optional;

/**
 * The handler's first verdict on an INVITE, before any digest check.
 *
 * @param <C> what the handler wants back at dispatch time (the matched trunk, say)
 */
public sealed interface AuthorizationDecision<C> {
  /**
   * Go on. With credentials, the INVITE must carry a matching digest (401 challenge otherwise,
   * 403 when wrong); without, it is let through as is.
   */
  record Accept<C>(Optional<UserCredentials> requiredCredentials, C context) implements AuthorizationDecision<C> {
    public Accept {
      Objects.requireNonNull(requiredCredentials, "requiredCredentials");
    }

    public static <C> Accept<C> withoutCredentials(C context) {
      return new Accept<>(Optional.empty(), context);
    }

    public static <C> Accept<C> withCredentials(UserCredentials credentials, C context) {
      return new Accept<>(Optional.of(credentials), context);
    }
  }

  /** Refuse with a final response (403, 404, 486, 503...). */
  record Reject<C>(int status, String reason) implements AuthorizationDecision<C> {
    public Reject {
      if (status < 400 || status > 699) {
        throw new IllegalArgumentException("a rejection needs a 4xx-6xx status, got " + status);
      }
    }
  }

  /** Say nothing at all, to stay invisible to scanners. */
  record Drop<C>() implements AuthorizationDecision<C> {}
}
