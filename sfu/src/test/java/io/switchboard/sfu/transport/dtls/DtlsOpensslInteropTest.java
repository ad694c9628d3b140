package io.switchboard.sfu.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.sfu.transport.srtp.SrtpProfile;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our DTLS-SRTP against OpenSSL's, over plain UDP on loopback: both roles, with OpenSSL printing
 * the RFC 5764 keying material it exported so we can compare it byte for byte.
 */
class DtlsOpensslInteropTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final DtlsCertificate OURS =
      DtlsCertificate.generate(Clock.systemUTC(), Duration.ofDays(1), new SecureRandom());

  @TempDir static Path dir;
  private static DtlsFingerprint theirs;

  @BeforeAll
  static void certificate() throws Exception {
    assumeTrue(OpensslPeer.available(), "the openssl command is not installed");
    theirs = DtlsFingerprint.of("sha-256", OpensslPeer.makeCertificate(dir));
  }

  /** A UDP socket feeding a DtlsStack: the network half that ICE plays in production. */
  private static final class UdpLink implements AutoCloseable {
    final DatagramSocket socket;
    final AtomicReference<SocketAddress> peer = new AtomicReference<>();
    final DtlsStack stack;

    UdpLink(SocketAddress knownPeer) throws Exception {
      socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
      peer.set(knownPeer);
      stack =
          new DtlsStack(
              OURS,
              List.of(SrtpProfile.values()),
              Duration.ofSeconds(10),
              (buf, off, len) -> socket.send(new DatagramPacket(buf, off, len, peer.get())),
              reason -> {});
      stack.setRemoteFingerprints(List.of(theirs));
      Thread.ofVirtual().start(this::read);
    }

    private void read() {
      byte[] buf = new byte[1500];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      while (!socket.isClosed()) {
        try {
          socket.receive(p);
        } catch (IOException e) {
          return;
        }
        peer.compareAndSet(null, p.getSocketAddress()); // a server learns its client here
        stack.receive(buf, p.getOffset(), p.getLength());
      }
    }

    @Override
    public void close() {
      stack.close();
      socket.close();
    }
  }

  private static byte[] exported(OpensslPeer openssl) throws InterruptedException {
    String line = openssl.awaitLine("Keying material:");
    return HexFormat.of().parseHex(line.substring(line.indexOf(':') + 1).strip());
  }

  @Test
  void weAreTheClientOfAnOpensslServer() throws Exception {
    int port;
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      port = probe.getLocalPort();
    }
    try (OpensslPeer server =
            OpensslPeer.start(
                dir,
                60,
                List.of(
                    "s_server",
                    "-dtls1_2",
                    "-accept",
                    "127.0.0.1:" + port,
                    "-naccept",
                    "1",
                    "-Verify",
                    "1",
                    "-use_srtp",
                    "SRTP_AES128_CM_SHA1_80"));
        UdpLink link = new UdpLink(new InetSocketAddress(LOOPBACK, port))) {
      server.awaitLine("ACCEPT");
      DtlsHandshakeResult result = link.stack.handshake(DtlsRole.CLIENT);

      assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, result.profile());
      server.awaitLine("SRTP Extension negotiated, profile=SRTP_AES128_CM_SHA1_80");
      assertArrayEquals(exported(server), result.keyingMaterial());
    }
  }

  @Test
  void weAreTheServerOfAnOpensslClient() throws Exception {
    try (UdpLink link = new UdpLink(null);
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      int port = link.socket.getLocalPort();
      var handshake =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return link.stack.handshake(DtlsRole.SERVER);
                } catch (DtlsHandshakeException e) {
                  throw new RuntimeException(e);
                }
              },
              threads);
      try (OpensslPeer client =
          OpensslPeer.start(
              dir,
              56,
              List.of(
                  "s_client",
                  "-dtls1_2",
                  "-connect",
                  "127.0.0.1:" + port,
                  "-use_srtp",
                  "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80"))) {
        DtlsHandshakeResult result = handshake.get(15, TimeUnit.SECONDS);
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, result.profile(), "our preference wins");
        client.awaitLine("SRTP Extension negotiated, profile=SRTP_AEAD_AES_128_GCM");
        assertArrayEquals(exported(client), result.keyingMaterial());
      }
    }
  }
}
