package io.switchboard.sip.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code dtmf} field of CreateSIPParticipant: digits to send after the answer, where
 * {@code w} waits half a second (LiveKit's convention). Each step sends one digit at its offset
 * from the answer; a digit takes {@link #DIGIT_SPACING} (100 ms tone, end packets, pause).
 */
public record DtmfScript(List<Step> steps) {
  static final Duration PAUSE = Duration.ofMillis(500);
  static final Duration DIGIT_SPACING = Duration.ofMillis(240);
  private static final String DIGITS = "0123456789*#ABCDabcd";

  public record Step(Duration at, char digit) {}

  public DtmfScript {
    steps = List.copyOf(steps);
  }

  /** @throws IllegalArgumentException naming the first character that is neither a digit nor {@code w} */
  public static DtmfScript parse(String text) {
    List<Step> steps = new ArrayList<>();
    Duration at = Duration.ZERO;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 'w' || c == 'W') {
        at = at.plus(PAUSE);
      } else if (DIGITS.indexOf(c) >= 0) {
        steps.add(new Step(at, Character.toUpperCase(c)));
        at = at.plus(DIGIT_SPACING);
      } else {
        throw new IllegalArgumentException(
            "character " + (i + 1) + " '" + c + "' is not a DTMF digit (0-9, *, #, A-D) or w (0.5 s pause)");
      }
    }
    return new DtmfScript(steps);
  }

  /** From the answer until the last digit is out; zero with no digits. */
  public Duration duration() {
    return steps.isEmpty() ? Duration.ZERO : steps.getLast().at().plus(DIGIT_SPACING);
  }

  boolean isEmpty() {
    return steps.isEmpty();
  }
}
