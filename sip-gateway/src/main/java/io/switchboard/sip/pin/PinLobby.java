package io.switchboard.sip.pin;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.dtmf.DtmfDigit;
import java.time.Clock;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's stay in the PIN lobby. It owns the caller's audio until the room does: every
 * 20 ms {@link #tick()} drains what the caller sends, plays the current cue (or silence) to the
 * caller and advances the state machine ({@link LobbyState}) by the injected clock.
 *
 * <p>Threads: {@link #tick()} runs on one ticker thread at a time; {@link #answered()},
 * {@link #onKey} and {@link #close()} may come from any thread and only leave a note for the
 * next tick. The listener is told the outcome from the tick that ends the stay.
 */
public final class PinLobby<T> {
  private static final Logger log = LoggerFactory.getLogger(PinLobby.class);

  private final String name;
  private final PinPolicy policy;
  private final Clock clock;
  private final AudioSource fromCaller;
  private final AudioSink toCaller;
  private final PinCheck<T> check;
  private final LobbyListener<T> listener;
  private final CuePlayer player;
  private final PinCollector collector;
  private final Queue<DtmfDigit> keys = new ConcurrentLinkedQueue<>();
  private final PcmFrame inbound = new PcmFrame(8000);
  private final PcmFrame outbound = new PcmFrame(8000);

  private volatile boolean answered;
  private volatile boolean closed;
  private volatile LobbyState state = new LobbyState.Waiting();
  private long deadline;
  private CompletableFuture<PinVerdict<T>> verdict;
  private T destination;
  private LobbyExit exit;

  /**
   * @param name names the call in logs
   * @param fromCaller the caller's audio, drained and discarded while in the lobby
   * @param toCaller where the cues go
   */
  public PinLobby(String name, PinPolicy policy, ToneCues cues, Clock clock, AudioSource fromCaller,
      AudioSink toCaller, PinCheck<T> check, LobbyListener<T> listener) {
    this.name = name;
    this.policy = policy;
    this.clock = clock;
    this.fromCaller = fromCaller;
    this.toCaller = toCaller;
    this.check = check;
    this.listener = listener;
    this.player = new CuePlayer(cues);
    this.collector = new PinCollector(policy.maxDigits(), policy.interDigitTimeout());
  }

  /** The call is answered: the next tick starts the first prompt and the overall timer. */
  public void answered() {
    answered = true;
  }

  /** A key the caller pressed (RFC 4733 event). */
  public void onKey(DtmfDigit key) {
    keys.add(key);
  }

  /** The call ended: the lobby stops without telling the listener. */
  public void close() {
    closed = true;
  }

  /** For logs and tests. */
  public LobbyState state() {
    return state;
  }

  /**
   * One 20 ms step.
   *
   * @return whether to keep ticking; false once the stay is over
   */
  public boolean tick() {
    LobbyState s = state;
    if (s instanceof LobbyState.Finished) {
      return false;
    }
    if (closed) {
      state = new LobbyState.Finished();
      return false;
    }
    inbound.setSampleRate(fromCaller.sampleRate());
    fromCaller.read(inbound); // keeps the jitter buffer drained; the lobby has no use for speech
    long now = clock.millis();
    if (s instanceof LobbyState.Waiting) {
      if (!answered) {
        return true;
      }
      deadline = now + policy.overallTimeout().toMillis();
      log.info("pin lobby call_id={}: asking for the PIN", name);
      s = prompt(1);
    }
    s = onKeys(s, now);
    s = onTime(s, now);
    s = play(s, now);
    state = s;
    if (s instanceof LobbyState.Finished) {
      tellListener();
      return false;
    }
    return true;
  }

  private LobbyState onKeys(LobbyState s, long now) {
    return switch (s) {
      case LobbyState.Asking(int attempt) when !keys.isEmpty() -> {
        player.stop(); // barge-in: the caller knows what to do
        yield collect(new LobbyState.Listening(attempt), now);
      }
      case LobbyState.Listening l -> collect(l, now);
      case LobbyState.Admitting a -> discardKeys(s);
      case LobbyState.TurningAway t -> discardKeys(s);
      // Keys keyed during a cue or an evaluation wait for the next attempt.
      case LobbyState.Asking a -> s;
      case LobbyState.Refusing r -> s;
      case LobbyState.Checking c -> s;
      case LobbyState.Waiting w -> s;
      case LobbyState.Finished f -> s;
    };
  }

  /** Feeds queued keys to the collector until one ends the attempt; later keys wait for the next. */
  private LobbyState collect(LobbyState.Listening listening, long now) {
    DtmfDigit key;
    while ((key = keys.poll()) != null) {
      PinInput input = collector.onKey(key.symbol(), now);
      if (!(input instanceof PinInput.Pending)) {
        return decide(listening.attempt(), input);
      }
    }
    return listening;
  }

  private LobbyState discardKeys(LobbyState s) {
    keys.clear();
    return s;
  }

  private LobbyState onTime(LobbyState s, long now) {
    boolean lobbyExpired = now >= deadline;
    return switch (s) {
      case LobbyState.Asking a when lobbyExpired -> turnAway(LobbyExit.TIMED_OUT);
      case LobbyState.Listening l when lobbyExpired -> turnAway(LobbyExit.TIMED_OUT);
      case LobbyState.Refusing r when lobbyExpired -> turnAway(LobbyExit.TIMED_OUT);
      case LobbyState.Checking c when lobbyExpired -> {
        verdict.cancel(false);
        yield turnAway(LobbyExit.TIMED_OUT);
      }
      case LobbyState.Listening(int attempt) -> {
        PinInput input = collector.onTime(now);
        yield input instanceof PinInput.Pending ? s : decide(attempt, input);
      }
      case LobbyState.Checking(int attempt) -> verdict.isDone() ? judged(attempt) : s;
      case LobbyState.Waiting w -> s;
      case LobbyState.Asking a -> s;
      case LobbyState.Refusing r -> s;
      case LobbyState.Admitting a -> s;
      case LobbyState.TurningAway t -> s;
      case LobbyState.Finished f -> s;
    };
  }

  /** The end of an attempt's keying. */
  private LobbyState decide(int attempt, PinInput input) {
    return switch (input) {
      case PinInput.Pending p -> new LobbyState.Listening(attempt);
      case PinInput.Submitted(String digits) -> {
        log.info("pin lobby call_id={}: attempt {} keyed {} digits", name, attempt, digits.length());
        verdict = evaluate(digits);
        yield new LobbyState.Checking(attempt);
      }
      case PinInput.TooLong t -> {
        log.info("pin lobby call_id={}: attempt {} keyed more than {} digits", name, attempt, policy.maxDigits());
        yield failed(attempt, LobbyExit.WRONG_PIN);
      }
      case PinInput.NoInput n -> {
        log.info("pin lobby call_id={}: attempt {} keyed nothing", name, attempt);
        // Nothing was wrong, so no buzz: just ask again.
        yield attempt < policy.maxAttempts() ? prompt(attempt + 1) : turnAway(LobbyExit.NO_INPUT);
      }
    };
  }

  private CompletableFuture<PinVerdict<T>> evaluate(String digits) {
    try {
      return check.check(digits).toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private LobbyState judged(int attempt) {
    PinVerdict<T> result;
    try {
      result = verdict.join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      log.warn("pin lobby call_id={}: evaluating the PIN failed: {}", name, cause.toString());
      exit = LobbyExit.CHECK_FAILED;
      return new LobbyState.Finished();
    }
    return switch (result) {
      case PinVerdict.Admit<T>(T opened) -> {
        log.info("pin lobby call_id={}: attempt {} keyed the right PIN", name, attempt);
        destination = opened;
        player.play(Cue.ACCEPTED);
        yield new LobbyState.Admitting();
      }
      case PinVerdict.Refuse<T> refused -> {
        log.info("pin lobby call_id={}: attempt {} keyed a wrong PIN", name, attempt);
        yield failed(attempt, LobbyExit.WRONG_PIN);
      }
    };
  }

  private LobbyState failed(int attempt, LobbyExit why) {
    if (attempt >= policy.maxAttempts()) {
      return turnAway(why);
    }
    collector.reset();
    player.play(Cue.WRONG_PIN);
    return new LobbyState.Refusing(attempt);
  }

  private LobbyState prompt(int attempt) {
    collector.reset();
    player.play(Cue.ENTER_PIN);
    return new LobbyState.Asking(attempt);
  }

  private LobbyState turnAway(LobbyExit why) {
    exit = why;
    player.play(Cue.WRONG_PIN);
    return new LobbyState.TurningAway(why);
  }

  /** Sends this tick's frame; a state waiting for its cue moves on once the cue has ended. */
  private LobbyState play(LobbyState s, long now) {
    outbound.setSampleRate(toCaller.sampleRate());
    player.fill(outbound);
    toCaller.write(outbound);
    if (player.playing()) {
      return s;
    }
    return switch (s) {
      case LobbyState.Asking(int attempt) -> {
        collector.arm(now);
        yield new LobbyState.Listening(attempt);
      }
      case LobbyState.Refusing(int attempt) -> prompt(attempt + 1);
      case LobbyState.Admitting a -> new LobbyState.Finished();
      case LobbyState.TurningAway t -> new LobbyState.Finished();
      case LobbyState.Waiting w -> s;
      case LobbyState.Listening l -> s;
      case LobbyState.Checking c -> s;
      case LobbyState.Finished f -> s;
    };
  }

  private void tellListener() {
    if (destination != null) {
      listener.onAdmitted(destination);
    } else {
      log.info("pin lobby call_id={}: turning the caller away ({})", name, exit);
      listener.onTurnedAway(exit);
    }
  }
}
