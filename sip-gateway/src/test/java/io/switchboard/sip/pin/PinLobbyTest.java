package io.switchboard.sip.pin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.dtmf.DtmfDigit;
import io.switchboard.media.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The lobby driven tick by tick on a fake clock: what the caller hears (compared sample for
 * sample with the rendered cues), which PINs are checked, and how the stay ends.
 */
class PinLobbyTest {
  private static final int RATE = 8000;
  private static final int FRAME = RATE / 50;
  private static final PinPolicy POLICY = PinPolicy.defaults();

  private final ToneCues cues = new ToneCues();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final FakePhone phone = new FakePhone(RATE);
  private final List<String> checked = new ArrayList<>();
  private final List<String> outcomes = new ArrayList<>();
  private Function<String, CompletionStage<PinVerdict<String>>> rules =
      digits -> CompletableFuture.completedFuture(
          Map.of("1234", "vault", "", "open-room").containsKey(digits)
              ? new PinVerdict.Admit<>(Map.of("1234", "vault", "", "open-room").get(digits))
              : new PinVerdict.Refuse<>());
  private PinLobby<String> lobby = lobby(POLICY);

  private PinLobby<String> lobby(PinPolicy policy) {
    return new PinLobby<>("call-1", policy, cues, clock, phone, phone,
        digits -> {
          checked.add(digits);
          return rules.apply(digits);
        },
        new LobbyListener<>() {
          @Override
          public void onAdmitted(String destination) {
            outcomes.add("admitted to " + destination);
          }

          @Override
          public void onTurnedAway(LobbyExit exit) {
            outcomes.add("turned away: " + exit);
          }
        });
  }

  /** One 20 ms step of the media clock. */
  private boolean tick() {
    clock.advance(Duration.ofMillis(20));
    return lobby.tick();
  }

  private void ticks(int count) {
    for (int i = 0; i < count; i++) {
      assertTrue(tick(), "the lobby ended early, in " + lobby.state());
    }
  }

  /** Ticks until the lobby is over; returns how many ticks that took. */
  private int untilOver() {
    for (int i = 1; i <= 10_000; i++) {
      if (!tick()) {
        return i;
      }
    }
    throw new AssertionError("the lobby never ended; state " + lobby.state());
  }

  private void key(String keys) {
    for (char c : keys.toCharArray()) {
      lobby.onKey(DtmfDigit.ofSymbol(c));
    }
  }

  private static int frames(Cue cue) {
    return cue.millis() / 20;
  }

  private short[] cue(Cue cue) {
    return cues.render(cue, RATE);
  }

  private static short[] silence(int frameCount) {
    return new short[frameCount * FRAME];
  }

  private static short[] concat(short[]... parts) {
    short[] all = new short[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
    int at = 0;
    for (short[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }

  @Test
  void nothingPlaysUntilTheCallIsAnswered() {
    ticks(10);
    assertEquals(0, phone.heard().length);
    assertInstanceOf(LobbyState.Waiting.class, lobby.state());
    assertEquals(10, phone.reads(), "the caller's audio is drained every tick");
  }

  @Test
  void theRightPinPlaysTheAcceptedCueThenAdmits() {
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    assertInstanceOf(LobbyState.Listening.class, lobby.state());
    key("1234#");
    ticks(frames(Cue.ACCEPTED) - 1);
    assertEquals(List.of(), outcomes, "admitted only once the cue has played out");
    assertFalse(tick());
    assertEquals(List.of("1234"), checked);
    assertEquals(List.of("admitted to vault"), outcomes);
    assertArrayEquals(concat(cue(Cue.ENTER_PIN), cue(Cue.ACCEPTED)), phone.heard());
    assertFalse(tick(), "stays over");
    assertEquals(1, outcomes.size());
  }

  @Test
  void aWrongPinBuzzesAndAsksAgain() {
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    key("999#");
    ticks(frames(Cue.WRONG_PIN) + frames(Cue.ENTER_PIN));
    key("1234#");
    untilOver();
    assertEquals(List.of("999", "1234"), checked);
    assertEquals(List.of("admitted to vault"), outcomes);
    assertArrayEquals(
        concat(cue(Cue.ENTER_PIN), cue(Cue.WRONG_PIN), cue(Cue.ENTER_PIN), cue(Cue.ACCEPTED)), phone.heard());
  }

  @Test
  void threeWrongPinsHangUpAfterTheLastBuzz() {
    lobby.answered();
    for (int attempt = 1; attempt <= 3; attempt++) {
      ticks(frames(Cue.ENTER_PIN));
      key(attempt + "" + attempt + "#");
      if (attempt < 3) {
        ticks(frames(Cue.WRONG_PIN));
      }
    }
    assertEquals(frames(Cue.WRONG_PIN), untilOver());
    assertEquals(List.of("11", "22", "33"), checked);
    assertEquals(List.of("turned away: WRONG_PIN"), outcomes);
    short[] attempt = concat(cue(Cue.ENTER_PIN), cue(Cue.WRONG_PIN));
    assertArrayEquals(concat(attempt, attempt, attempt), phone.heard());
  }

  @Test
  void theFirstKeyStopsThePrompt() {
    lobby.answered();
    ticks(5);
    key("1");
    ticks(3);
    key("234#");
    untilOver();
    assertEquals(List.of("1234"), checked);
    short[] enterStart = Arrays.copyOf(cue(Cue.ENTER_PIN), 5 * FRAME);
    assertArrayEquals(concat(enterStart, silence(3), cue(Cue.ACCEPTED)), phone.heard());
  }

  @Test
  void keysTypedAheadCarryOverToTheNextAttempt() {
    lobby.answered();
    key("999#1234#");
    untilOver();
    assertEquals(List.of("999", "1234"), checked);
    assertEquals(List.of("admitted to vault"), outcomes);
    // The keys cut the first prompt at once, and the second as soon as it starts.
    assertArrayEquals(concat(cue(Cue.WRONG_PIN), cue(Cue.ACCEPTED)), phone.heard());
  }

  @Test
  void aPauseSubmitsWhatWasKeyed() {
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    key("1234");
    ticks(1);
    int pause = (int) (POLICY.interDigitTimeout().toMillis() / 20);
    ticks(pause - 2);
    assertEquals(List.of(), checked, "still waiting for more digits");
    untilOver();
    assertEquals(List.of("1234"), checked);
    assertEquals(List.of("admitted to vault"), outcomes);
  }

  @Test
  void silenceAsksAgainWithoutABuzzAndHangsUpAfterTheLastTry() {
    lobby.answered();
    untilOver();
    assertEquals(List.of(), checked);
    assertEquals(List.of("turned away: NO_INPUT"), outcomes);
    int wait = (int) (POLICY.interDigitTimeout().toMillis() / 20) - 1;
    short[] ask = concat(cue(Cue.ENTER_PIN), silence(wait));
    assertArrayEquals(concat(ask, ask, ask, cue(Cue.WRONG_PIN)), phone.heard());
  }

  @Test
  void moreThanSixteenDigitsIsAWrongAttemptWithoutAsking() {
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    key("12345678901234567");
    ticks(frames(Cue.WRONG_PIN));
    assertInstanceOf(LobbyState.Asking.class, lobby.state());
    assertEquals(List.of(), checked);
    assertArrayEquals(concat(cue(Cue.ENTER_PIN), cue(Cue.WRONG_PIN)), phone.heard());
  }

  @Test
  void hashAloneAsksForAnOpenRoom() {
    lobby.answered();
    key("#");
    untilOver();
    assertEquals(List.of(""), checked);
    assertEquals(List.of("admitted to open-room"), outcomes);
  }

  @Test
  void theLobbyTimesOutAsAWhole() {
    lobby = lobby(new PinPolicy(16, 3, Duration.ofSeconds(10), Duration.ofSeconds(5)));
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    int untilDeadline = 5000 / 20 - frames(Cue.ENTER_PIN);
    for (int i = 0; i < untilDeadline; i++) { // the clock started with the first frame
      if (i % 100 == 0) {
        key("1"); // a key every 2 s keeps the attempt going, but not the lobby
      }
      ticks(1);
    }
    assertInstanceOf(LobbyState.Listening.class, lobby.state());
    assertTrue(tick());
    assertEquals(new LobbyState.TurningAway(LobbyExit.TIMED_OUT), lobby.state());
    assertEquals(frames(Cue.WRONG_PIN) - 1, untilOver(), "the buzz plays out, from the tick that timed out");
    assertEquals(List.of("turned away: TIMED_OUT"), outcomes);
  }

  @Test
  void aSlowCheckKeepsTheCallerInSilence() {
    CompletableFuture<PinVerdict<String>> slow = new CompletableFuture<>();
    rules = digits -> slow;
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    key("1234#");
    ticks(20);
    assertInstanceOf(LobbyState.Checking.class, lobby.state());
    slow.complete(new PinVerdict.Admit<>("vault"));
    untilOver();
    assertEquals(List.of("admitted to vault"), outcomes);
    assertArrayEquals(concat(cue(Cue.ENTER_PIN), silence(20), cue(Cue.ACCEPTED)), phone.heard());
  }

  @Test
  void aFailedCheckHangsUpWithoutACue() {
    rules = digits -> CompletableFuture.failedFuture(new IllegalStateException("store unavailable"));
    lobby.answered();
    ticks(frames(Cue.ENTER_PIN));
    key("1234#");
    assertFalse(tick());
    assertEquals(List.of("turned away: CHECK_FAILED"), outcomes);
    assertArrayEquals(concat(cue(Cue.ENTER_PIN), silence(1)), phone.heard());
  }

  @Test
  void aClosedLobbyStopsAndTellsNobody() {
    lobby.answered();
    ticks(3);
    lobby.close();
    assertFalse(tick());
    assertEquals(List.of(), outcomes);
    assertEquals(3 * FRAME, phone.heard().length);
  }

  @Test
  void aCodecChangeMidCueCarriesOnAtTheSameMoment() {
    lobby.answered();
    ticks(10);
    phone.switchRate(16000);
    ticks(frames(Cue.ENTER_PIN) - 10);
    short[] heard = phone.heard();
    short[] wide = cues.render(Cue.ENTER_PIN, 16000);
    short[] rest = Arrays.copyOfRange(heard, 10 * FRAME, heard.length);
    assertArrayEquals(Arrays.copyOfRange(wide, 10 * 320, wide.length), rest);
    assertInstanceOf(LobbyState.Listening.class, lobby.state());
  }
}
