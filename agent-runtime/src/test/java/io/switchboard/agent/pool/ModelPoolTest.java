package io.switchboard.agent.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelPoolTest {
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicInteger made = new AtomicInteger();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private String make() {
    return "decoder-" + made.incrementAndGet();
  }

  @Test
  void oneInstanceUntilTwoRequestsOverlapThenTheyRunTogether() throws Exception {
    ModelPool<String> pool = new ModelPool<>("decoder", 3, this::make, threads);
    assertEquals(1, pool.size());
    assertEquals("decoder-1", pool.with(d -> d), "one at a time needs no second instance");
    assertEquals(1, pool.size());

    CountDownLatch bothInside = new CountDownLatch(2);
    List<String> used = new CopyOnWriteArrayList<>();
    List<Future<Boolean>> runs = List.of(
        threads.submit(() -> pool.with(d -> overlap(d, bothInside, used))),
        threads.submit(() -> pool.with(d -> overlap(d, bothInside, used))));
    for (Future<Boolean> run : runs) {
      assertTrue(run.get(30, TimeUnit.SECONDS), "each request ran while the other was inside");
    }
    assertEquals(2, pool.size(), "two overlapping requests need two instances, not three");
    assertEquals(2, used.stream().distinct().count(), used.toString());
  }

  private static boolean overlap(String instance, CountDownLatch bothInside, List<String> used) throws InterruptedException {
    used.add(instance);
    bothInside.countDown();
    return bothInside.await(30, TimeUnit.SECONDS);
  }

  @Test
  void atTheLimitARequestWaitsForAReleasedInstance() throws Exception {
    ModelPool<String> pool = new ModelPool<>("voice", 1, this::make, threads);
    CountDownLatch firstInside = new CountDownLatch(1);
    CompletableFuture<Void> letFirstGo = new CompletableFuture<>();
    List<String> order = new CopyOnWriteArrayList<>();
    Future<?> first = threads.submit(() -> pool.with(d -> {
      order.add("first in");
      firstInside.countDown();
      letFirstGo.join();
      order.add("first out");
      return null;
    }));
    assertTrue(firstInside.await(30, TimeUnit.SECONDS));
    Thread second = Thread.ofPlatform().start(() -> {
      try {
        pool.with(d -> order.add("second in with " + d));
      } catch (InterruptedException e) {
        order.add("second interrupted");
      }
    });
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait(); // the second request is parked in the pool, not running
    }
    assertEquals(List.of("first in"), order);
    letFirstGo.complete(null);
    first.get(30, TimeUnit.SECONDS);
    second.join(30_000);
    assertEquals(List.of("first in", "first out", "second in with decoder-1"), order);
    assertEquals(1, made.get());
  }

  @Test
  void aWaitingRequestTakesAReleasedInstanceWhileANewOneIsStillLoading() throws Exception {
    CompletableFuture<Void> slowLoad = new CompletableFuture<>();
    ModelPool<String> pool = new ModelPool<>("decoder", 2, () -> {
      if (made.get() > 0) {
        slowLoad.join(); // the second instance takes its time (Sphinx4 loads for seconds)
      }
      return make();
    }, threads);
    CountDownLatch firstInside = new CountDownLatch(1);
    CompletableFuture<Void> letFirstGo = new CompletableFuture<>();
    Future<?> first = threads.submit(() -> pool.with(d -> {
      firstInside.countDown();
      letFirstGo.join();
      return null;
    }));
    assertTrue(firstInside.await(30, TimeUnit.SECONDS));
    Future<String> second = threads.submit(() -> pool.with(d -> d));
    letFirstGo.complete(null);
    assertEquals("decoder-1", second.get(30, TimeUnit.SECONDS), "served by the released instance");
    first.get(30, TimeUnit.SECONDS);
    slowLoad.complete(null);
  }

  @Test
  void anExtraInstanceThatFailsToLoadLeavesTheOthersServing() throws Exception {
    IllegalStateException outOfMemory = new IllegalStateException("no room for another model");
    ModelPool<String> pool = new ModelPool<>("voice", 2, () -> {
      if (made.getAndIncrement() > 0) {
        throw outOfMemory;
      }
      return "voice-1";
    }, threads);
    CountDownLatch firstInside = new CountDownLatch(1);
    CompletableFuture<Void> letFirstGo = new CompletableFuture<>();
    Future<?> first = threads.submit(() -> pool.with(d -> {
      firstInside.countDown();
      letFirstGo.join();
      return null;
    }));
    assertTrue(firstInside.await(30, TimeUnit.SECONDS));
    Future<String> second = threads.submit(() -> pool.with(d -> d));
    while (pool.lastFailure() == null) {
      Thread.onSpinWait();
    }
    assertSame(outOfMemory, pool.lastFailure());
    letFirstGo.complete(null);
    assertEquals("voice-1", second.get(30, TimeUnit.SECONDS));
    first.get(30, TimeUnit.SECONDS);
    assertEquals(1, pool.size());
  }

  @Test
  void badSizesAndClosedPoolsAreNamed() {
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new ModelPool<>("voice", 0, this::make, threads));
    assertEquals("voice pool: at least one instance is needed, got 0", none.getMessage());
    ModelPool<String> pool = new ModelPool<>("voice", 1, this::make, threads);
    List<String> closed = new CopyOnWriteArrayList<>();
    pool.close(closed::add);
    assertEquals(List.of("decoder-1"), closed);
    IllegalStateException after = assertThrows(IllegalStateException.class, () -> pool.with(d -> d));
    assertEquals("voice pool is closed", after.getMessage());
  }
}
