package io.switchboard.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import io.switchboard.sip.tls.KeyMaterial;
import io.switchboard.sip.tls.SelfSignedCertificate;
import io.switchboard.sip.tls.SipTlsContexts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS listening point: a client that trusts our certificate is answered over TLS; one that does not, is not. */
class JainSipStackTlsTest {
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<IncomingRequest> requests = new LinkedBlockingQueue<>();
  @TempDir Path dir;
  private KeyMaterial ours;
  private JainSipStack stack;

  @BeforeEach
  void start() throws Exception {
    ours = SelfSignedCertificate.generate("127.0.0.1", Clock.systemUTC(), new SecureRandom());
    var tls = new TlsListening(0, SipTlsContexts.create(ours, Optional.empty(), new SecureRandom()));
    stack = new JainSipStack(SipStackConfig.defaults("127.0.0.1", 0), tls, new KeyedSerialExecutor(threads), event -> {
      var received = assertInstanceOf(SipEvent.RequestReceived.class, event);
      requests.add(received.request());
      stack.respond(received.request().transaction(), OutgoingResponse.of(200));
    });
    stack.start();
  }

  @AfterEach
  void stop() {
    stack.stop();
    threads.close();
  }

  @Test
  void optionsOverTlsIsAnsweredOnTheTlsConnectionAndSeenAsTls() throws Exception {
    assertNotEquals(0, stack.tlsPort());
    assertNotEquals(stack.tcpPort(), stack.tlsPort());
    var client = SipTlsContexts.create(SelfSignedCertificate.generate("client", Clock.systemUTC(), new SecureRandom()),
        Optional.of(pem(dir.resolve("switchboard.crt"))), new SecureRandom());
    try (var socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", stack.tlsPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(options(socket.getLocalPort()).getBytes(StandardCharsets.US_ASCII));
      var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("SIP/2.0 200 OK", reader.readLine());
      assertEquals(List.of(ours.chain().getFirst()), List.of(socket.getSession().getPeerCertificates()));
    }
    IncomingRequest seen = requests.poll(10, TimeUnit.SECONDS);
    assertEquals(TransportProtocol.TLS, seen.source().transport());
  }

  @Test
  void clientThatDoesNotTrustOurCertificateCannotConnect() throws Exception {
    var stranger = SelfSignedCertificate.generate("127.0.0.1", Clock.systemUTC(), new SecureRandom());
    Path strangerCrt = dir.resolve("stranger.crt");
    Files.writeString(strangerCrt, pemText(stranger));
    var client = SipTlsContexts.create(stranger, Optional.of(strangerCrt), new SecureRandom());
    try (var socket = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", stack.tlsPort())) {
      socket.setSoTimeout(10_000);
      assertThrows(SSLHandshakeException.class, socket::startHandshake);
    }
  }

  @Test
  void inviteToATlsTrunkWithoutTlsConfiguredNamesTheSetting() throws Exception {
    var plain = new JainSipStack(SipStackConfig.defaults("127.0.0.1", 0), new KeyedSerialExecutor(threads), e -> {});
    plain.start();
    try {
      var invite = new OutgoingInvite("c1", 1, "sip:1@127.0.0.1:5061;transport=tls", "sip:2@127.0.0.1", "", "t1",
          "sip:1@127.0.0.1:5061", TransportProtocol.TLS, "z9hG4bK1", List.of(), "");
      var refused = assertThrows(SipSendException.class, () -> plain.sendInvite(invite));
      assertTrue(refused.getMessage().contains("sip.tls.enabled"), refused.getMessage());
      assertEquals(0, plain.tlsPort());
    } finally {
      plain.stop();
    }
  }

  @Test
  void tcpInviteFromATlsEnabledStackStillGoesOutOverPlainTcp() throws Exception {
    try (var carrier = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      carrier.setSoTimeout(10_000);
      String uri = "sip:1@127.0.0.1:" + carrier.getLocalPort() + ";transport=tcp";
      stack.sendInvite(new OutgoingInvite("tcp-2", 1, uri, "sip:2@127.0.0.1", "", "t2", "sip:1@127.0.0.1",
          TransportProtocol.TCP, "z9hG4bK2", List.of(), ""));
      try (var socket = carrier.accept()) {
        socket.setSoTimeout(10_000);
        var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        assertEquals("INVITE " + uri + " SIP/2.0", reader.readLine());
      }
    }
  }

  private Path pem(Path file) throws Exception {
    Files.writeString(file, pemText(ours));
    return file;
  }

  private static String pemText(KeyMaterial keys) throws Exception {
    return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(keys.chain().getFirst().getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }

  private static String options(int port) {
    return "OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/TLS 127.0.0.1:" + port + ";branch=z9hG4bK-tls1;rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:probe@127.0.0.1>;tag=1\r\n"
        + "To: <sip:gw@127.0.0.1>\r\n"
        + "Call-ID: tls-1\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "Content-Length: 0\r\n\r\n";
  }
}
