package io.switchboard.sip.room;

import io.switchboard.sip.pin.PinPolicy;
import io.switchboard.sip.pin.ToneCues;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What PIN lobbies run on.
 *
 * @param ticks ticks every lobby each 20 ms (the media clock)
 * @param work evaluates PINs against the rule store and joins rooms (virtual threads suit)
 */
public record LobbyRuntime(
    PinPolicy policy, ToneCues cues, Clock clock, ScheduledExecutorService ticks, Executor work) {
  public LobbyRuntime {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(cues, "cues");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(ticks, "ticks");
    Objects.requireNonNull(work, "work");
  }
}
