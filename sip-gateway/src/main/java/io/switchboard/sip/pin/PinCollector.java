package io.switchboard.sip.pin;

import java.time.Duration;

/**
 * Collects the keys of one PIN attempt: digits until {@code #}, at most {@code maxDigits}, with
 * an inter-digit timeout. Keys other than {@code #} ({@code *}, A-D) are part of the PIN, as in
 * LiveKit. A pause past the timeout submits what was keyed (people forget the {@code #}); with
 * nothing keyed it is {@link PinInput#NO_INPUT}. Times are clock milliseconds, so a tick
 * allocates nothing. Not thread-safe: one owner drives it.
 */
public final class PinCollector {
  private final int maxDigits;
  private static final long UNARMED = Long.MAX_VALUE;

  private final long timeoutMillis;
  private final StringBuilder digits;
  private long deadline = UNARMED;

  public PinCollector(int maxDigits, Duration interDigitTimeout) {
    if (maxDigits < 1) {
      throw new IllegalArgumentException("maxDigits must be at least 1, got " + maxDigits);
    }
    this.maxDigits = maxDigits;
    this.timeoutMillis = interDigitTimeout.toMillis();
    this.digits = new StringBuilder(maxDigits + 1);
  }

  /** Starts a new attempt: no digits, no timer until {@link #arm} or a key. */
  public void reset() {
    digits.setLength(0);
    deadline = UNARMED;
  }

  /** The prompt has finished: the caller now has {@code interDigitTimeout} to key something. */
  public void arm(long nowMillis) {
    if (deadline == UNARMED) {
      deadline = nowMillis + timeoutMillis;
    }
  }

  /** A key: 0-9, *, #, A-D. */
  public PinInput onKey(char key, long nowMillis) {
    if (key == '#') {
      return submit();
    }
    if (digits.length() == maxDigits) {
      return PinInput.TOO_LONG;
    }
    digits.append(key);
    deadline = nowMillis + timeoutMillis;
    return PinInput.PENDING;
  }

  /** Checks the timer; {@link PinInput#PENDING} unless it ran out. */
  public PinInput onTime(long nowMillis) {
    if (nowMillis < deadline) {
      return PinInput.PENDING;
    }
    deadline = UNARMED;
    return digits.isEmpty() ? PinInput.NO_INPUT : submit();
  }

  /** How many digits are keyed so far (for logs: the digits themselves are a secret). */
  public int length() {
    return digits.length();
  }

  private PinInput submit() {
    deadline = UNARMED;
    return new PinInput.Submitted(digits.toString());
  }
}
