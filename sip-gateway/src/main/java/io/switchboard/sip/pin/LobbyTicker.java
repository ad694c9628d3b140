package io.switchboard.sip.pin;

import io.switchboard.media.audio.PcmFrame;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a lobby every 20 ms on a scheduler until it says it is done (or is closed). A lobby
 * tick is one small frame in and out, so it runs on the scheduler thread itself; anything slow
 * (evaluating a PIN, joining a room) the lobby hands to other threads. Fixed-rate scheduling
 * never overlaps two ticks of one lobby.
 */
public final class LobbyTicker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LobbyTicker.class);

  private final BooleanSupplier tick;
  private final Runnable onFailure;
  private volatile ScheduledFuture<?> future;
  private volatile boolean stopped;

  private LobbyTicker(BooleanSupplier tick, Runnable onFailure) {
    this.tick = tick;
    this.onFailure = onFailure;
  }

  /**
   * @param tick one step; returns whether to keep going
   * @param onFailure called once if a tick throws (ticking stops): hang the call up, say
   */
  public static LobbyTicker start(ScheduledExecutorService scheduler, BooleanSupplier tick, Runnable onFailure) {
    LobbyTicker ticker = new LobbyTicker(tick, onFailure);
    ticker.future =
        scheduler.scheduleAtFixedRate(ticker::run, 0, PcmFrame.DURATION_MS, TimeUnit.MILLISECONDS);
    if (ticker.stopped) {
      ticker.future.cancel(false); // finished before we held the future
    }
    return ticker;
  }

  public boolean stopped() {
    return stopped;
  }

  private void run() {
    if (stopped) {
      return;
    }
    boolean more;
    try {
      more = tick.getAsBoolean();
    } catch (RuntimeException e) {
      log.error("pin lobby tick failed; hanging up", e);
      close();
      onFailure.run();
      return;
    }
    if (!more) {
      close();
    }
  }

  /** Stops ticking; idempotent. */
  @Override
  public void close() {
    stopped = true;
    ScheduledFuture<?> f = future;
    if (f != null) {
      f.cancel(false);
    }
  }
}
