package io.switchboard.sip.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PinCollectorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final PinCollector collector = new PinCollector(16, TIMEOUT);

  private PinInput keys(String keys, Instant at) {
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
    assertEquals(PinInput.PENDING, collector.onTime(T0.plus(Duration.ofHours(1))));
  }

  @Test
  void silenceAfterThePromptIsNoInput() {
    collector.arm(T0);
    assertEquals(PinInput.PENDING, collector.onTime(T0.plus(TIMEOUT).minusMillis(1)));
    assertEquals(PinInput.NO_INPUT, collector.onTime(T0.plus(TIMEOUT)));
    assertEquals(PinInput.PENDING, collector.onTime(T0.plus(TIMEOUT.multipliedBy(2))), "reported once");
  }

  @Test
  void aPauseAfterDigitsSubmitsThem() {
    collector.arm(T0);
    keys("12", T0.plusSeconds(3));
    assertEquals(PinInput.PENDING, collector.onTime(T0.plusSeconds(12)), "each key restarts the timer");
    assertEquals(new PinInput.Submitted("12"), collector.onTime(T0.plusSeconds(13)));
  }

  @Test
  void armingKeepsTheTimerAKeyStarted() {
    keys("5", T0.plusSeconds(5)); // typed ahead during the prompt
    collector.arm(T0.plusSeconds(6)); // the prompt ends a second later
    assertEquals(new PinInput.Submitted("5"), collector.onTime(T0.plusSeconds(15)));
  }

  @Test
  void resetStartsAFreshAttempt() {
    keys("999", T0);
    collector.reset();
    assertEquals(0, collector.length());
    assertEquals(PinInput.PENDING, collector.onTime(T0.plusSeconds(60)), "reset also stops the timer");
    assertEquals(new PinInput.Submitted("1234"), keys("1234#", T0));
  }
}
