package io.switchboard.sip.inbound;

import io.switchboard.sip.concurrent.Cancellable;
import io.switchboard.sip.concurrent.Scheduler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A call's timers. Firing posts a {@link CallEvent.TimerFired} to the call's executor; a
 * generation number lets the call ignore a timer that was re-armed or cancelled meanwhile.
 * Only touched on the call's executor.
 */
final class CallTimers {
  private final Scheduler scheduler;
  private final Consumer<CallEvent> post;
  private final Map<CallTimer, Cancellable> armed = new EnumMap<>(CallTimer.class);
  private final Map<CallTimer, Long> generations = new EnumMap<>(CallTimer.class);

  CallTimers(Scheduler scheduler, Consumer<CallEvent> post) {
    this.scheduler = scheduler;
    this.post = post;
  }

  void arm(CallTimer timer, Duration delay) {
    cancel(timer);
    long generation = generations.merge(timer, 1L, Long::sum);
    armed.put(timer, scheduler.schedule(delay, () -> post.accept(new CallEvent.TimerFired(timer, generation))));
  }

  void cancel(CallTimer timer) {
    Cancellable previous = armed.remove(timer);
    if (previous != null) {
      previous.cancel();
      generations.merge(timer, 1L, Long::sum);
    }
  }

  void cancelAll() {
    for (CallTimer timer : CallTimer.values()) {
      cancel(timer);
    }
  }

  /** True when this firing is the latest arming of its timer (and so still wanted). */
  boolean isCurrent(CallEvent.TimerFired fired) {
    if (generations.getOrDefault(fired.timer(), 0L) != fired.generation() || !armed.containsKey(fired.timer())) {
      return false;
    }
    armed.remove(fired.timer());
    return true;
  }
}
