package io.switchboard.sfu.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.testing.MutableClock;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.dtls.DtlsRole;
import io.switchboard.sfu.transport.dtls.DtlsSetup;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.transport.ice.SharedUdpPort;
import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two complete transports on 127.0.0.1: ICE connects, DTLS runs over it, and SRTP-protected RTP and
 * RTCP cross in both directions with the payload intact.
 */
class WebRtcTransportTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Clock CLOCK = Clock.systemUTC();
  private static final DtlsCertificate CERT_A =
      DtlsCertificate.generate(CLOCK, Duration.ofDays(1), new SecureRandom());
  private static final DtlsCertificate CERT_B =
      DtlsCertificate.generate(CLOCK, Duration.ofDays(1), new SecureRandom());

  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose.reversed()) {
      c.close();
    }
    blocking.shutdownNow();
  }

  private final class Peer implements WebRtcTransport.MediaHandler {
    final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
    final BlockingQueue<TransportState> states = new LinkedBlockingQueue<>();
    final WebRtcTransport transport;

    Peer(IceConfig ice, SdpRole role, DtlsCertificate cert) throws Exception {
      this(ice, role, cert, CLOCK);
    }

    Peer(IceConfig ice, SdpRole role, DtlsCertificate cert, Clock clock) throws Exception {
      transport =
          WebRtcTransport.open(
              WebRtcTransportConfig.defaults(ice), role, cert, this, states::add, blocking, clock);
      toClose.add(transport);
    }

    @Override
    public void onRtp(byte[] buf, int off, int len) {
      rtp.add(Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void onRtcp(byte[] buf, int off, int len) {
      rtcp.add(Arrays.copyOfRange(buf, off, off + len));
    }

    /** The next state other than Connecting, within ten seconds. */
    TransportState settled() throws InterruptedException {
      while (true) {
        TransportState s = states.poll(10, TimeUnit.SECONDS);
        if (s == null) {
          throw new AssertionError("no state change within 10 s; now " + transport.state());
        }
        if (!(s instanceof TransportState.Connecting)) {
          return s;
        }
      }
    }
  }

  /** Offer/answer as signalling would carry it: candidates travel as SDP candidate strings. */
  private static void negotiate(Peer offerer, Peer answerer) {
    TransportDescription offer = offerer.transport.localDescription();
    assertEquals(DtlsSetup.ACTPASS, offer.setup());
    answerer.transport.setRemote(offer.ice(), List.of(offer.fingerprint()), offer.setup());
    TransportDescription answer = answerer.transport.localDescription();
    offerer.transport.setRemote(answer.ice(), List.of(answer.fingerprint()), answer.setup());
    offer
        .candidates()
        .forEach(c -> answerer.transport.addRemoteCandidate(IceCandidate.parse(c.toSdp())));
    answer
        .candidates()
        .forEach(c -> offerer.transport.addRemoteCandidate(IceCandidate.parse(c.toSdp())));
  }

  private static byte[] rtp(int seq, String payload) {
    byte[] p = payload.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] packet = new byte[12 + p.length];
    packet[0] = (byte) 0x80;
    packet[1] = 111; // Opus
    packet[2] = (byte) (seq >> 8);
    packet[3] = (byte) seq;
    packet[7] = (byte) (seq * 960); // timestamp
    packet[8] = 0x12;
    packet[9] = 0x34;
    packet[10] = 0x56;
    packet[11] = 0x78; // SSRC
    System.arraycopy(p, 0, packet, 12, p.length);
    return packet;
  }

  /** RFC 3550 §6.4.2 receiver report with no report blocks, SSRC 0x12345678. */
  private static final byte[] RTCP_RR = {(byte) 0x80, (byte) 201, 0, 1, 0x12, 0x34, 0x56, 0x78};

  private static void exchangeMedia(Peer a, Peer b) throws InterruptedException {
    for (int seq = 1; seq <= 20; seq++) {
      byte[] packet = rtp(seq, "opus frame " + seq);
      byte[] kept = packet.clone();
      assertTrue(a.transport.sendRtp(packet, 0, packet.length));
      assertArrayEquals(kept, packet, "the caller's plaintext is left alone");
      byte[] got = b.rtp.poll(5, TimeUnit.SECONDS);
      assertArrayEquals(packet, got, "packet " + seq + " arrives decrypted and intact");
    }
    byte[] back = rtp(7, "the other way");
    assertTrue(b.transport.sendRtp(back, 0, back.length));
    assertArrayEquals(back, a.rtp.poll(5, TimeUnit.SECONDS));

    assertTrue(a.transport.sendRtcp(RTCP_RR, 0, RTCP_RR.length));
    assertArrayEquals(RTCP_RR, b.rtcp.poll(5, TimeUnit.SECONDS));
    assertTrue(b.transport.sendRtcp(RTCP_RR, 0, RTCP_RR.length));
    assertArrayEquals(RTCP_RR, a.rtcp.poll(5, TimeUnit.SECONDS));

    TransportStats stats = b.transport.stats();
    assertEquals(20, stats.rtpReceived());
    assertEquals(1, stats.rtcpReceived());
    assertEquals(0, stats.srtpRejected());
    assertEquals(2, stats.sent());
  }

  @Test
  void twoTransportsConnectOverIceAndDtlsAndExchangeSrtp() throws Exception {
    IceConfig ice = new IceConfig(DedicatedSockets.ephemeral(LOOPBACK));
    Peer offerer = new Peer(ice, SdpRole.OFFERER, CERT_A);
    Peer answerer = new Peer(ice, SdpRole.ANSWERER, CERT_B);
    negotiate(offerer, answerer);

    // The answerer said a=setup:active, so it is the DTLS client and the offerer the server.
    var a = assertInstanceOf(TransportState.Connected.class, offerer.settled());
    var b = assertInstanceOf(TransportState.Connected.class, answerer.settled());
    assertEquals(DtlsRole.SERVER, a.dtlsRole());
    assertEquals(DtlsRole.CLIENT, b.dtlsRole());
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, a.profile());
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, b.profile());
    assertEquals(DtlsSetup.ACTIVE, answerer.transport.localDescription().setup());

    exchangeMedia(offerer, answerer);

    offerer.transport.close();
    assertInstanceOf(TransportState.Closed.class, offerer.states.poll(5, TimeUnit.SECONDS));
    byte[] late = rtp(99, "too late");
    assertFalse(offerer.transport.sendRtp(late, 0, late.length));
  }

  /** The production layout: we answer on the shared port, the peer is a full ICE agent. */
  @Test
  void anAnswererOnASharedPortConnects() throws Exception {
    try (SharedUdpPort port = SharedUdpPort.open(List.of(LOOPBACK), 0)) {
      Peer client =
          new Peer(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), SdpRole.OFFERER, CERT_A);
      Peer server = new Peer(new IceConfig(port), SdpRole.ANSWERER, CERT_B);
      negotiate(client, server);
      assertInstanceOf(TransportState.Connected.class, client.settled());
      assertInstanceOf(TransportState.Connected.class, server.settled());
      exchangeMedia(client, server);
    }
  }

  @Test
  void aWrongFingerprintFailsBothEnds() throws Exception {
    IceConfig ice = new IceConfig(DedicatedSockets.ephemeral(LOOPBACK));
    Peer offerer = new Peer(ice, SdpRole.OFFERER, CERT_A);
    Peer answerer = new Peer(ice, SdpRole.ANSWERER, CERT_B);
    TransportDescription offer = offerer.transport.localDescription();
    // The answerer is told the offerer's certificate is CERT_B: a man in the middle, as it sees it.
    answerer.transport.setRemote(offer.ice(), List.of(CERT_B.fingerprint()), offer.setup());
    TransportDescription answer = answerer.transport.localDescription();
    offerer.transport.setRemote(answer.ice(), List.of(answer.fingerprint()), answer.setup());
    offer.candidates().forEach(answerer.transport::addRemoteCandidate);
    answer.candidates().forEach(offerer.transport::addRemoteCandidate);

    var failed = assertInstanceOf(TransportState.Failed.class, answerer.settled());
    assertTrue(failed.reason().contains("matches no signalled fingerprint"), failed.reason());
    assertInstanceOf(TransportState.Failed.class, offerer.settled());
    byte[] p = rtp(1, "x");
    assertFalse(offerer.transport.sendRtp(p, 0, p.length));
  }

  /** RFC 7675: a peer that stops answering consent checks for 30 s is gone. */
  @Test
  void aPeerSilentForThirtySecondsFailsTheTransport() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    IceConfig ice = new IceConfig(DedicatedSockets.ephemeral(LOOPBACK));
    Peer offerer = new Peer(ice, SdpRole.OFFERER, CERT_A, clock);
    Peer answerer = new Peer(ice, SdpRole.ANSWERER, CERT_B);
    negotiate(offerer, answerer);
    assertInstanceOf(TransportState.Connected.class, offerer.settled());
    assertInstanceOf(TransportState.Connected.class, answerer.settled());

    clock.advance(Duration.ofSeconds(30));
    assertTrue(offerer.transport.checkConsent(), "30 s is still within consent");
    clock.advance(Duration.ofSeconds(1));
    assertFalse(offerer.transport.checkConsent());
    var failed =
        assertInstanceOf(TransportState.Failed.class, offerer.states.poll(5, TimeUnit.SECONDS));
    assertTrue(failed.reason().startsWith("ICE consent expired"), failed.reason());
  }

  @Test
  void anAnswerNeedsTheOfferFirst() throws Exception {
    Peer answerer =
        new Peer(new IceConfig(DedicatedSockets.ephemeral(LOOPBACK)), SdpRole.ANSWERER, CERT_B);
    assertEquals(
        "an answer's a=setup depends on the offer: call setRemote first",
        assertThrows(IllegalStateException.class, answerer.transport::localDescription)
            .getMessage());
  }
}
