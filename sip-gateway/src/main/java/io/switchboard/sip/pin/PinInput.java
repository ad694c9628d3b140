package io.switchboard.sip.pin;

import java.util.Objects;

/** What one attempt at keying a PIN amounts to so far. */
public sealed interface PinInput {
  /** Still keying (or not started): nothing to decide yet. */
  PinInput PENDING = new Pending();
  /** More digits than any PIN may have. */
  PinInput TOO_LONG = new TooLong();
  /** The caller keyed nothing before the timeout. */
  PinInput NO_INPUT = new NoInput();

  record Pending() implements PinInput {}

  /**
   * The caller pressed {@code #}, or keyed digits and then paused past the timeout. Empty digits
   * ({@code #} alone) mean "I have no PIN", as in LiveKit.
   */
  record Submitted(String digits) implements PinInput {
    public Submitted {
      Objects.requireNonNull(digits, "digits");
    }
  }

  record TooLong() implements PinInput {}

  record NoInput() implements PinInput {}
}
