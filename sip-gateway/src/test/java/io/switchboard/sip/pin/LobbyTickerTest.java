package io.switchboard.sip.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LobbyTickerTest {
  private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

  {
    // Shutting down then only finishes once every schedule is cancelled: the proof a ticker stopped.
    scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(true);
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void ticksUntilTheLobbyIsDoneThenStops() throws InterruptedException {
    AtomicInteger ticks = new AtomicInteger();
    LobbyTicker ticker = LobbyTicker.start(scheduler, () -> ticks.incrementAndGet() < 3, () -> {});
    scheduler.shutdown();
    assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS), "a periodic task still pending");
    assertTrue(ticker.stopped());
    assertEquals(3, ticks.get());
  }

  @Test
  void aFailingTickStopsTickingAndReportsOnce() throws InterruptedException {
    CountDownLatch failed = new CountDownLatch(1);
    AtomicInteger failures = new AtomicInteger();
    LobbyTicker ticker = LobbyTicker.start(
        scheduler,
        () -> {
          throw new IllegalStateException("broken lobby");
        },
        () -> {
          failures.incrementAndGet();
          failed.countDown();
        });
    assertTrue(failed.await(10, TimeUnit.SECONDS));
    scheduler.shutdown();
    assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS));
    assertTrue(ticker.stopped());
    assertEquals(1, failures.get());
  }

  @Test
  void closingStopsTheSchedule() throws InterruptedException {
    LobbyTicker ticker = LobbyTicker.start(scheduler, () -> true, () -> {});
    ticker.close();
    scheduler.shutdown();
    assertTrue(scheduler.awaitTermination(10, TimeUnit.SECONDS), "a cancelled schedule lets the executor end");
    assertTrue(ticker.stopped());
  }
}
