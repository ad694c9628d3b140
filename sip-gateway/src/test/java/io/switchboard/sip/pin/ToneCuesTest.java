package io.switchboard.sip.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.Goertzel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ToneCuesTest {
  private final ToneCues cues = new ToneCues();

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000})
  void enterPinFallsFrom880To660Hz(int rate) {
    short[] s = cues.render(Cue.ENTER_PIN, rate);
    assertEquals(540 * rate / 1000, s.length);
    assertEquals(880, Goertzel.dominant(s, 0, ms(200, rate), rate, 440, 660, 880, 1000));
    assertEquals(660, Goertzel.dominant(s, ms(240, rate), ms(300, rate), rate, 440, 660, 880, 1000));
    assertTrue(Goertzel.amplitude(s, 0, ms(200, rate), rate, 880) > 8000, "about -10 dBFS");
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000})
  void acceptedRisesThroughCEG(int rate) {
    short[] s = cues.render(Cue.ACCEPTED, rate);
    assertEquals(480 * rate / 1000, s.length);
    double[] notes = {523.25, 659.25, 783.99};
    assertEquals(523.25, Goertzel.dominant(s, 0, ms(120, rate), rate, notes));
    assertEquals(659.25, Goertzel.dominant(s, ms(120, rate), ms(120, rate), rate, notes));
    assertEquals(783.99, Goertzel.dominant(s, ms(240, rate), ms(240, rate), rate, notes));
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000})
  void wrongPinIsTwoLowBuzzes(int rate) {
    short[] s = cues.render(Cue.WRONG_PIN, rate);
    assertEquals(720 * rate / 1000, s.length);
    int buzz = ms(260, rate);
    double low = Goertzel.amplitude(s, 0, buzz, rate, 200);
    assertTrue(low > 3000, "200 Hz fundamental, got " + low);
    assertTrue(low > 1.5 * Goertzel.amplitude(s, 0, buzz, rate, 400), "fundamental strongest");
    assertTrue(Goertzel.amplitude(s, 0, buzz, rate, 880) < 100, "nothing like the enter chime");
    assertEquals(0, peak(s, ms(260, rate), ms(100, rate)), "a gap between the buzzes");
    assertTrue(Goertzel.amplitude(s, ms(360, rate), buzz, rate, 200) > 3000, "second buzz");
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 16000})
  void cuesStayBelowMinus9DbfsAndFadeInAndOut(int rate) {
    for (Cue cue : Cue.values()) {
      short[] s = cues.render(cue, rate);
      assertTrue(peak(s, 0, s.length) <= 0.36 * Short.MAX_VALUE, cue + " too loud");
      assertTrue(Math.abs(s[0]) < 300 && Math.abs(s[s.length - 1]) < 300, cue + " clicks");
    }
  }

  @Test
  void rendersEachRateOnceAndHandsOutCopies() {
    short[] a = cues.render(Cue.ACCEPTED, 8000);
    a[100] = 12345;
    assertTrue(cues.render(Cue.ACCEPTED, 8000)[100] != 12345);
    assertTrue(cues.samples(Cue.ACCEPTED, 8000) == cues.samples(Cue.ACCEPTED, 8000));
  }

  @Test
  void refusesRatesNoCodecUses() {
    var e = assertThrows(IllegalArgumentException.class, () -> cues.render(Cue.ENTER_PIN, 4000));
    assertTrue(e.getMessage().contains("4000"));
  }

  private static int ms(int millis, int rate) {
    return millis * rate / 1000;
  }

  private static int peak(short[] s, int from, int length) {
    int peak = 0;
    for (int i = from; i < from + length; i++) {
      peak = Math.max(peak, Math.abs(s[i]));
    }
    return peak;
  }
}
