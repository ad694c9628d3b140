package io.switchboard.media.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.media.net.SourceLatch.Verdict;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceLatchTest {
  private static final InetSocketAddress SIGNALLED = new InetSocketAddress("192.0.2.10", 4000);
  private static final InetSocketAddress NAT = new InetSocketAddress("198.51.100.7", 61000);
  private static final InetSocketAddress OTHER = new InetSocketAddress("203.0.113.5", 5000);

  @Test
  void locksAfterConsecutivePacketsFromTheSignalledAddress() {
    SourceLatch latch = new SourceLatch(3, false, Duration.ofSeconds(2));
    latch.expect(SIGNALLED, 0);
    assertEquals(Verdict.ACCEPT, latch.onPacket(SIGNALLED, 10));
    assertEquals(Verdict.DROP, latch.onPacket(NAT, 20), "not signalled, learning from any is off");
    assertEquals(Verdict.ACCEPT, latch.onPacket(SIGNALLED, 30));
    assertEquals(Verdict.LOCKED, latch.onPacket(SIGNALLED, 40));
    assertEquals(SIGNALLED, latch.locked());
    assertEquals(Verdict.ACCEPT, latch.onPacket(SIGNALLED, 50));
    assertEquals(Verdict.DROP, latch.onPacket(OTHER, 60));
  }

  @Test
  void learnsANattedSourceWithinTheWindowWhenAllowed() {
    SourceLatch latch = new SourceLatch(2, true, Duration.ofSeconds(2));
    latch.expect(SIGNALLED, 1000);
    assertEquals(Verdict.ACCEPT, latch.onPacket(NAT, 1100));
    assertEquals(Verdict.ACCEPT, latch.onPacket(OTHER, 1120), "a second source resets the count");
    assertEquals(Verdict.ACCEPT, latch.onPacket(NAT, 1140));
    assertEquals(Verdict.LOCKED, latch.onPacket(NAT, 1160));
    assertEquals(NAT, latch.locked());
    assertEquals(Verdict.DROP, latch.onPacket(SIGNALLED, 1180), "after lock even SDP's address is dropped");
  }

  @Test
  void afterTheWindowOnlyTheSignalledAddressCanBeLearned() {
    SourceLatch latch = new SourceLatch(1, true, Duration.ofSeconds(2));
    latch.expect(SIGNALLED, 0);
    assertEquals(Verdict.DROP, latch.onPacket(NAT, 2001));
    assertNull(latch.locked());
    assertEquals(Verdict.LOCKED, latch.onPacket(SIGNALLED, 2002));
  }

  @Test
  void expectingANewRemoteRestartsLearning() {
    SourceLatch latch = new SourceLatch(1, false, Duration.ofSeconds(2));
    latch.expect(SIGNALLED, 0);
    assertEquals(Verdict.LOCKED, latch.onPacket(SIGNALLED, 1));
    latch.expect(OTHER, 100); // re-INVITE moved the media
    assertNull(latch.locked());
    assertEquals(Verdict.DROP, latch.onPacket(SIGNALLED, 101));
    assertEquals(Verdict.LOCKED, latch.onPacket(OTHER, 102));
  }

  @Test
  void withoutASignalledAddressOnlyTheWindowAdmits() {
    SourceLatch strict = new SourceLatch(1, false, Duration.ofSeconds(2));
    strict.expect(null, 0);
    assertEquals(Verdict.DROP, strict.onPacket(NAT, 1));
    SourceLatch lenient = new SourceLatch(1, true, Duration.ofSeconds(2));
    lenient.expect(null, 0);
    assertEquals(Verdict.LOCKED, lenient.onPacket(NAT, 1));
  }
}
