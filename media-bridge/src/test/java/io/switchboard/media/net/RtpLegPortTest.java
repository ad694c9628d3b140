package io.switchboard.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RtpLegPortTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void legBindsAnAllocatedEvenPairAndReleasesItOnClose() throws Exception {
    int low = freeRange(4);
    MutableClock clock = MutableClock.ofEpochMilli(0);
    var ports = new RtpPortAllocator(low, low + 3, Duration.ofSeconds(10), clock, new Random(5));
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      int port;
      try (RtpLeg leg = RtpLeg.openOnAllocatedPort(
          ports, RtpLegConfig.defaults(LOOPBACK), executor, clock, e -> {}, 2)) {
        port = leg.localRtpAddress().getPort();
        assertEquals(port + 1, leg.localRtcpAddress().getPort());
        assertEquals(1, ports.inUse());
      }
      assertEquals(0, port % 2);
      assertTrue(port == low || port == low + 2, "port " + port + " from [" + low + ", " + (low + 3) + "]");
      assertEquals(0, ports.inUse());
      assertEquals(1, ports.available(), "the released pair is quarantined");
    }
  }

  @Test
  void pairTakenByAnotherProcessIsSkipped() throws Exception {
    int low = freeRange(4);
    MutableClock clock = MutableClock.ofEpochMilli(0);
    var ports = new RtpPortAllocator(low, low + 3, Duration.ofSeconds(10), clock, new Random(seedStartingAtFirstPair()));
    try (var executor = Executors.newVirtualThreadPerTaskExecutor();
        DatagramChannel squatter = DatagramChannel.open()) {
      squatter.bind(new InetSocketAddress(LOOPBACK, low + 1)); // the RTCP port of the first pair
      try (RtpLeg leg = RtpLeg.openOnAllocatedPort(
          ports, RtpLegConfig.defaults(LOOPBACK), executor, clock, e -> {}, 2)) {
        assertEquals(low + 2, leg.localRtpAddress().getPort());
        assertEquals(0, ports.available(), "the unusable pair rests in quarantine");
      }
    }
  }

  /** A seed whose allocator tries the first of two pairs first. */
  private static long seedStartingAtFirstPair() {
    long seed = 0;
    while (new Random(seed).nextInt(2) != 0) {
      seed++;
    }
    return seed;
  }

  /** Finds {@code size} consecutive free UDP ports on loopback starting at an even port. */
  private static int freeRange(int size) throws IOException {
    for (int base = 41_000; base < 60_000; base += size) {
      List<DatagramChannel> probes = new ArrayList<>();
      try {
        for (int p = base; p < base + size; p++) {
          DatagramChannel probe = DatagramChannel.open();
          probes.add(probe);
          probe.bind(new InetSocketAddress(LOOPBACK, p));
        }
        return base;
      } catch (IOException taken) {
        // try the next range
      } finally {
        for (DatagramChannel probe : probes) {
          probe.close();
        }
      }
    }
    throw new IOException("no free UDP port range found");
  }
}
