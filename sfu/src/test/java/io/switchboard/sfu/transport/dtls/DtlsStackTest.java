package io.switchboard.sfu.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.transport.srtp.PacketBuffer;
import io.switchboard.sfu.transport.srtp.SrtpProfile;
import io.switchboard.sfu.transport.srtp.SrtpSession;
import io.switchboard.sfu.transport.srtp.SrtpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two stacks wired back to back (JVB's DtlsTest idea): a real handshake with no network. */
class DtlsStackTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DtlsCertificate SERVER_CERT =
      DtlsCertificate.generate(Clock.systemUTC(), Duration.ofDays(7), RANDOM);
  private static final DtlsCertificate CLIENT_CERT =
      DtlsCertificate.generate(Clock.systemUTC(), Duration.ofDays(7), RANDOM);
  private static final List<SrtpProfile> BOTH = List.of(SrtpProfile.values());

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A pair of stacks whose senders deliver straight into each other. */
  private static final class Pair {
    final AtomicReference<DtlsStack> serverRef = new AtomicReference<>();
    final AtomicReference<DtlsStack> clientRef = new AtomicReference<>();
    final DtlsStack server;
    final DtlsStack client;

    Pair(List<SrtpProfile> serverProfiles, List<SrtpProfile> clientProfiles) {
      server =
          new DtlsStack(
              SERVER_CERT,
              serverProfiles,
              Duration.ofSeconds(10),
              (b, o, l) -> clientRef.get().receive(b, o, l),
              reason -> {});
      client =
          new DtlsStack(
              CLIENT_CERT,
              clientProfiles,
              Duration.ofSeconds(10),
              (b, o, l) -> serverRef.get().receive(b, o, l),
              reason -> {});
      serverRef.set(server);
      clientRef.set(client);
    }
  }

  private CompletableFuture<DtlsHandshakeResult> run(DtlsStack stack, DtlsRole role) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return stack.handshake(role);
          } catch (DtlsHandshakeException e) {
            throw new RuntimeException(e);
          }
        },
        threads);
  }

  private static DtlsHandshakeException failure(CompletableFuture<?> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(15, TimeUnit.SECONDS));
    return assertInstanceOf(DtlsHandshakeException.class, e.getCause().getCause());
  }

  @Test
  void handshakeExportsTheSameKeyingMaterialAtBothEnds() throws Exception {
    Pair p = new Pair(BOTH, BOTH);
    p.server.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    p.client.setRemoteFingerprints(List.of(SERVER_CERT.fingerprint()));

    var server = run(p.server, DtlsRole.SERVER);
    var client = run(p.client, DtlsRole.CLIENT);
    DtlsHandshakeResult s = server.get(15, TimeUnit.SECONDS);
    DtlsHandshakeResult c = client.get(15, TimeUnit.SECONDS);

    assertEquals(DtlsRole.SERVER, s.role());
    assertEquals(DtlsRole.CLIENT, c.role());
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, s.profile(), "our preferred profile wins");
    assertEquals(SrtpProfile.AEAD_AES_128_GCM, c.profile());
    assertEquals(56, c.keyingMaterial().length);
    assertArrayEquals(s.keyingMaterial(), c.keyingMaterial());
    assertFalse(Arrays.equals(new byte[56], c.keyingMaterial()), "material must not be zeroes");

    // What the client protects, the server unprotects, and back.
    try (SrtpSession clientSrtp = new SrtpSession(c.srtpKeys(), 4);
        SrtpSession serverSrtp = new SrtpSession(s.srtpKeys(), 4)) {
      byte[] rtp = HexFormat.of().parseHex("80601234000000640000abcd" + "0102030405060708");
      PacketBuffer packet = new PacketBuffer(64).copyFrom(rtp, 0, rtp.length, 0, 32);
      assertEquals(SrtpStatus.OK, clientSrtp.protectRtp(packet));
      assertEquals(SrtpStatus.OK, serverSrtp.unprotectRtp(packet));
      assertArrayEquals(
          rtp,
          Arrays.copyOfRange(packet.buffer(), packet.offset(), packet.offset() + packet.length()));
      packet.copyFrom(rtp, 0, rtp.length, 0, 32);
      assertEquals(SrtpStatus.OK, serverSrtp.protectRtp(packet));
      assertEquals(SrtpStatus.OK, clientSrtp.unprotectRtp(packet));
    }
    p.server.close();
    p.client.close();
  }

  @Test
  void applicationDataCrossesOnceTheHandshakeIsDone() throws Exception {
    Pair p = new Pair(BOTH, BOTH);
    p.server.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    p.client.setRemoteFingerprints(List.of(SERVER_CERT.fingerprint()));
    var atServer = new java.util.concurrent.LinkedBlockingQueue<byte[]>();
    var atClient = new java.util.concurrent.LinkedBlockingQueue<byte[]>();
    p.server.setApplicationDataHandler((b, o, l) -> atServer.add(Arrays.copyOfRange(b, o, o + l)));
    p.client.setApplicationDataHandler((b, o, l) -> atClient.add(Arrays.copyOfRange(b, o, o + l)));
    byte[] sctp = HexFormat.of().parseHex("13881388" + "00000000" + "00000000" + "01000014");
    assertFalse(p.client.send(sctp, 0, sctp.length), "nothing is sent before the handshake");

    var server = run(p.server, DtlsRole.SERVER);
    var client = run(p.client, DtlsRole.CLIENT);
    server.get(15, TimeUnit.SECONDS);
    client.get(15, TimeUnit.SECONDS);

    for (int i = 0; i < 50; i++) {
      sctp[15] = (byte) i;
      assertTrue(p.client.send(sctp, 0, sctp.length));
      assertArrayEquals(sctp, atServer.poll(5, TimeUnit.SECONDS), "record " + i + " decrypted");
    }
    byte[] big = new byte[1200];
    RANDOM.nextBytes(big);
    assertTrue(p.server.send(big, 4, 1000));
    assertArrayEquals(Arrays.copyOfRange(big, 4, 1004), atClient.poll(5, TimeUnit.SECONDS));
    p.client.close();
    assertFalse(p.client.send(sctp, 0, sctp.length), "nothing is sent after close");
    p.server.close();
  }

  @Test
  void theServerPicksTheClientsOnlyProfile() throws Exception {
    Pair p = new Pair(BOTH, List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
    p.server.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    p.client.setRemoteFingerprints(List.of(SERVER_CERT.fingerprint()));
    var server = run(p.server, DtlsRole.SERVER);
    var client = run(p.client, DtlsRole.CLIENT);
    assertEquals(SrtpProfile.AES128_CM_HMAC_SHA1_80, server.get(15, TimeUnit.SECONDS).profile());
    assertEquals(60, client.get(15, TimeUnit.SECONDS).keyingMaterial().length);
  }

  @Test
  void aClientCertificateThatDoesNotMatchTheSignalledFingerprintIsRejected() {
    Pair p = new Pair(BOTH, BOTH);
    // The server was told the client's certificate is its own: the fingerprint cannot match.
    p.server.setRemoteFingerprints(List.of(SERVER_CERT.fingerprint()));
    p.client.setRemoteFingerprints(List.of(SERVER_CERT.fingerprint()));
    var server = run(p.server, DtlsRole.SERVER);
    var client = run(p.client, DtlsRole.CLIENT);
    DtlsHandshakeException e = failure(server);
    assertTrue(e.getMessage().contains("matches no signalled fingerprint"), e.getMessage());
    assertTrue(e.getMessage().contains(CLIENT_CERT.fingerprint().value()), e.getMessage());
    failure(client); // it hears bad_certificate
  }

  @Test
  void aServerCertificateThatDoesNotMatchTheSignalledFingerprintIsRejected() {
    Pair p = new Pair(BOTH, BOTH);
    p.server.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    p.client.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    var server = run(p.server, DtlsRole.SERVER);
    var client = run(p.client, DtlsRole.CLIENT);
    DtlsHandshakeException e = failure(client);
    assertTrue(e.getMessage().contains("matches no signalled fingerprint"), e.getMessage());
    failure(server);
  }

  @Test
  void noCommonSrtpProfileFailsTheHandshake() {
    Pair p =
        new Pair(
            List.of(SrtpProfile.AEAD_AES_128_GCM), List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
    p.server.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    p.client.setRemoteFingerprints(List.of(SERVER_CERT.fingerprint()));
    var server = run(p.server, DtlsRole.SERVER);
    var client = run(p.client, DtlsRole.CLIENT);
    DtlsHandshakeException e = failure(server);
    assertTrue(e.getMessage().contains("no common SRTP profile"), e.getMessage());
    failure(client);
  }

  @Test
  void closingAWaitingServerEndsItsHandshake() {
    Pair p = new Pair(BOTH, BOTH);
    p.server.setRemoteFingerprints(List.of(CLIENT_CERT.fingerprint()));
    var server = run(p.server, DtlsRole.SERVER);
    p.server.close();
    DtlsHandshakeException e = failure(server);
    assertTrue(e.getMessage().startsWith("DTLS handshake as SERVER failed"), e.getMessage());
  }
}
