package io.switchboard.sip.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {
  @Test
  void tasksOfOneKeyRunInOrderAndNeverOverlap() throws Exception {
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var executor = new KeyedSerialExecutor(threads);
      List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxRunning = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(1000);
      for (int i = 0; i < 1000; i++) {
        int n = i;
        executor.execute("call-1", () -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          seen.add(n);
          running.decrementAndGet();
          done.countDown();
        });
      }
      assertTrue(done.await(10, TimeUnit.SECONDS));
      assertEquals(1, maxRunning.get());
      for (int i = 0; i < 1000; i++) {
        assertEquals(i, seen.get(i));
      }
    }
  }

  @Test
  void keysRunConcurrentlyAndAFailingTaskDoesNotStopItsQueue() throws Exception {
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      var executor = new KeyedSerialExecutor(threads);
      CountDownLatch blockerStarted = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch otherKeyRan = new CountDownLatch(1);
      CountDownLatch afterFailure = new CountDownLatch(1);
      executor.execute("a", () -> {
        blockerStarted.countDown();
        awaitQuietly(release);
      });
      executor.execute("a", () -> {
        throw new IllegalStateException("boom (expected in this test)");
      });
      executor.execute("a", afterFailure::countDown);
      assertTrue(blockerStarted.await(5, TimeUnit.SECONDS));
      executor.execute("b", otherKeyRan::countDown);
      assertTrue(otherKeyRan.await(5, TimeUnit.SECONDS), "key b waited for key a");
      release.countDown();
      assertTrue(afterFailure.await(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void drainedKeysAreForgotten() {
    var executor = new KeyedSerialExecutor(Runnable::run);
    List<String> ran = new ArrayList<>();
    executor.execute("x", () -> {
      ran.add("outer");
      executor.execute("x", () -> ran.add("nested runs after outer"));
      ran.add("outer end");
    });
    assertEquals(List.of("outer", "outer end", "nested runs after outer"), ran);
    assertEquals(0, executor.activeKeys());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
