package io.switchboard.sip.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PinCollectorTest {
  private static final long T0 = 1_772_366_400_000L; // clock milliseconds
  private static final long TIMEOUT = 10_000;

  private final PinCollector collector = new PinCollector(16, Duration.ofMillis(TIMEOUT));

  private static long at(double seconds) {
    return T0 + Math.round(seconds * 1000);
  }

  private PinInput keys(String keys, long at) {
    PinInput last = PinInput.PENDING;
    for (char c : keys.toCharArray()) {
      last = collector.onKey(c, at);
    }
    return last;
  }

  @Test
  void digitsUntilTheHashAreThePin() {
    assertEquals(PinInput.PENDING, keys("123", T0));
    assertEquals(new PinInput.Submitted("1234"), keys("4#", T0));
  }

  @Test
  void hashAloneSubmitsNoPin() {
    assertEquals(new PinInput.Submitted(""), keys("#", T0));
  }

  @Test
  void starAndLettersArePartOfThePinAsInLiveKit() {
    assertEquals(new PinInput.Submitted("1*A9"), keys("1*A9#", T0));
  }

  @Test
  void sixteenDigitsFitTheSeventeenthIsTooLong() {
    assertEquals(PinInput.PENDING, keys("1234567890123456", T0));
    assertEquals(16, collector.length());
    assertEquals(PinInput.TOO_LONG, keys("7", T0));
  }

  @Test
  void noTimerRunsBeforeThePromptEndsOrAKeyIsPressed() {
    assertEquals(PinInput.PENDING, collector.onTime(at(3600)));
  }

  @Test
  void silenceAfterThePromptIsNoInput() {
    collector.arm(T0);
    assertEquals(PinInput.PENDING, collector.onTime(T0 + TIMEOUT - 1));
    assertEquals(PinInput.NO_INPUT, collector.onTime(T0 + TIMEOUT));
    assertEquals(PinInput.PENDING, collector.onTime(T0 + 2 * TIMEOUT), "reported once");
  }

  @Test
  void aPauseAfterDigitsSubmitsThem() {
    collector.arm(T0);
    keys("12", at(3));
    assertEquals(PinInput.PENDING, collector.onTime(at(12)), "each key restarts the timer");
    assertEquals(new PinInput.Submitted("12"), collector.onTime(at(13)));
  }

  @Test
  void armingKeepsTheTimerAKeyStarted() {
    keys("5", at(5)); // typed ahead during the prompt
    collector.arm(at(6)); // the prompt ends a second later
    assertEquals(new PinInput.Submitted("5"), collector.onTime(at(15)));
  }

  @Test
  void resetStartsAFreshAttempt() {
    keys("999", T0);
    collector.reset();
    assertEquals(0, collector.length());
    assertEquals(PinInput.PENDING, collector.onTime(at(60)), "reset also stops the timer");
    assertEquals(new PinInput.Submitted("1234"), keys("1234#", T0));
  }
}
