package io.switchboard.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RtpPortAllocatorTest {
  private final MutableClock clock = MutableClock.ofEpochMilli(1_000_000);

  private RtpPortAllocator allocator(int low, int high, long seed) {
    return new RtpPortAllocator(low, high, Duration.ofSeconds(30), clock, new Random(seed));
  }

  @Test
  void handsOutEvenPortsWhoseRtcpPortIsInRangeUntilExhausted() {
    RtpPortAllocator ports = allocator(10001, 10010, 1); // pairs 10002, 10004, 10006, 10008
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      int port = ports.allocate();
      assertEquals(0, port % 2, "even RTP port");
      assertTrue(port >= 10002 && port + 1 <= 10010, "pair inside range: " + port);
      assertTrue(seen.add(port), "no port handed out twice");
    }
    assertEquals(Set.of(10002, 10004, 10006, 10008), seen);
    var error = assertThrows(IllegalStateException.class, ports::allocate);
    assertTrue(error.getMessage().contains("4 in use"), error.getMessage());
  }

  @Test
  void releasedPortIsQuarantinedUntilTheClockPassesIt() {
    RtpPortAllocator ports = allocator(20000, 20003, 7); // two pairs
    int a = ports.allocate();
    int b = ports.allocate();
    ports.release(a);
    assertEquals(0, ports.available());
    assertThrows(IllegalStateException.class, ports::allocate);
    clock.advance(Duration.ofSeconds(29));
    assertThrows(IllegalStateException.class, ports::allocate);
    clock.advance(Duration.ofSeconds(1));
    assertEquals(1, ports.available());
    assertEquals(a, ports.allocate());
    assertEquals(2, ports.inUse());
    assertNotEquals(a, b);
  }

  @Test
  void startsAtARandomPairAndGoesRoundRobin() {
    Set<Integer> firstPorts = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      firstPorts.add(allocator(10000, 20000, seed).allocate());
    }
    assertTrue(firstPorts.size() > 15, "random start: " + firstPorts);

    RtpPortAllocator ports = allocator(30000, 30009, 3);
    int first = ports.allocate();
    ports.release(first);
    clock.advance(Duration.ofMinutes(1));
    assertNotEquals(first, ports.allocate(), "a fresh pair is preferred to the one just freed");
  }

  @Test
  void rejectsBadRangesAndForeignPorts() {
    assertThrows(IllegalArgumentException.class, () -> allocator(20000, 10000, 0));
    assertThrows(IllegalArgumentException.class, () -> allocator(0, 10, 0));
    var noPair = assertThrows(IllegalArgumentException.class, () -> allocator(10001, 10002, 0));
    assertTrue(noPair.getMessage().contains("no even port"), noPair.getMessage());
    RtpPortAllocator ports = allocator(10000, 10009, 0);
    assertThrows(IllegalArgumentException.class, () -> ports.release(10001));
    assertThrows(IllegalArgumentException.class, () -> ports.release(10010));
    var notAllocated = assertThrows(IllegalArgumentException.class, () -> ports.release(10002));
    assertTrue(notAllocated.getMessage().contains("not allocated"));
  }
}
