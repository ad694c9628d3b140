package io.switchboard.sip.pin;

import java.util.Objects;

/** What a keyed PIN opens. */
public sealed interface PinVerdict<T> {
  /** The PIN opens {@code destination} (a room route, say). */
  record Admit<T>(T destination) implements PinVerdict<T> {
    public Admit {
      Objects.requireNonNull(destination, "destination");
    }
  }

  /** The PIN opens nothing. */
  record Refuse<T>() implements PinVerdict<T> {}
}
