package io.switchboard.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.concurrent.KeyedSerialExecutor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JainSipStackTest {
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<IncomingRequest> requests = new LinkedBlockingQueue<>();
  private JainSipStack stack;

  @BeforeEach
  void start() throws Exception {
    var defaults = SipStackConfig.defaults("127.0.0.1", 0).withExternalAddress("203.0.113.7");
    var config = new SipStackConfig(defaults.bindAddress(), 0, defaults.externalAddress(), defaults.serverName(),
        defaults.maxMessageSize(), Duration.ofMillis(500), defaults.maxServerTransactions(),
        defaults.threadPoolSize(), defaults.maxInviteTransactionLifetime(),
        defaults.maxNonInviteTransactionLifetime(), defaults.udpBufferSize(), defaults.maxConnections());
    stack = new JainSipStack(config,
        new KeyedSerialExecutor(threads), event -> {
          var received = assertInstanceOf(SipEvent.RequestReceived.class, event);
          requests.add(received.request());
          stack.respond(received.request().transaction(), received.request().method().equals("INVITE")
              ? OutgoingResponse.of(180)
              : OutgoingResponse.of(200).withHeader("Allow", "INVITE, ACK, BYE, CANCEL, OPTIONS"));
        });
    stack.start();
  }

  @AfterEach
  void stop() {
    stack.stop();
    threads.close();
  }

  private static String options(String transport, int viaPort, String callId) {
    return "OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\n"
        + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + viaPort + ";branch=z9hG4bK-" + callId + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "f: \"Probe\" <sip:probe@127.0.0.1>;tag=1\r\n"
        + "To: <sip:gw@127.0.0.1>\r\n"
        + "Call-ID: " + callId + "\r\n"
        + "CSeq: 1 OPTIONS\r\n"
        + "X-Twilio-CallSid: CA123\r\n"
        + "Content-Length: 0\r\n\r\n";
  }

  @Test
  void pickedAnEphemeralPort() {
    assertNotEquals(0, stack.udpPort());
    assertEquals(stack.udpPort(), stack.tcpPort());
  }

  @Test
  void udpResponseGoesToThePacketSourceNotTheViaPort() throws Exception {
    try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(5000);
      // Via claims port 9 (nothing listens there); rport asks for the source port (RFC 3581).
      byte[] request = options("UDP", 9, "rport-1").getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), stack.udpPort()));
      String response = receive(socket);

      assertTrue(response.startsWith("SIP/2.0 200 OK\r\n"), response);
      assertTrue(response.contains("rport=" + socket.getLocalPort()), response);
      assertTrue(response.contains("Server: Switchboard"), response);
      IncomingRequest seen = requests.poll(5, TimeUnit.SECONDS);
      assertEquals(new Peer("127.0.0.1", socket.getLocalPort(), TransportProtocol.UDP), seen.source());
      assertEquals("rport-1", seen.callId());
      assertEquals("1", seen.fromTag());
      // Compact form "f:" reads back under its long name; extension headers are kept.
      assertEquals("\"Probe\" <sip:probe@127.0.0.1>;tag=1", seen.headers().first("From").orElseThrow());
      assertEquals("CA123", seen.headers().first("x-twilio-callsid").orElseThrow());
    }
  }

  @Test
  void dialogResponsesCarryTheExternalAddressInContactAndAToTag() throws Exception {
    try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(5000);
      String invite = options("UDP", socket.getLocalPort(), "nat-1").replace("OPTIONS", "INVITE")
          .replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nContact: <sip:probe@127.0.0.1>\r\n");
      byte[] request = invite.getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), stack.udpPort()));
      String response = receive(socket);
      assertTrue(response.startsWith("SIP/2.0 180 Ringing\r\n"), response);
      assertTrue(response.contains("Contact: <sip:203.0.113.7:" + stack.udpPort() + ">"), response);
      assertTrue(response.matches("(?s).*To: <sip:gw@127.0.0.1>;tag=[0-9a-f]+\r\n.*"), response);
    }
  }

  @Test
  void tcpRequestIsAnsweredOnTheSameConnection() throws Exception {
    try (var socket = new Socket("127.0.0.1", stack.tcpPort())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(options("TCP", 9, "tcp-1").getBytes(StandardCharsets.US_ASCII));
      var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("SIP/2.0 200 OK", reader.readLine());
      assertEquals(TransportProtocol.TCP, requests.poll(5, TimeUnit.SECONDS).source().transport());
    }
  }

  @Test
  void inviteTheStackCannotTrackIsRefusedWith400() throws Exception {
    try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(5000);
      // No Contact header: JAIN-SIP will not create a transaction (a dialog needs a remote target).
      String invite = options("UDP", socket.getLocalPort(), "no-contact").replace("OPTIONS", "INVITE");
      byte[] request = invite.getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), stack.udpPort()));
      String response = receive(socket);
      assertTrue(response.startsWith("SIP/2.0 400 "), response);
      assertTrue(requests.isEmpty());
    }
  }

  @Test
  void tcpPeerThatStallsMidMessageIsDisconnected() throws Exception {
    try (var socket = new Socket("127.0.0.1", stack.tcpPort())) {
      socket.setSoTimeout(10_000);
      String half = options("TCP", 9, "slowloris");
      socket.getOutputStream().write(half.substring(0, half.length() / 2).getBytes(StandardCharsets.US_ASCII));
      // READ_TIMEOUT (500 ms here) closes a connection whose message does not complete in time.
      assertEquals(-1, socket.getInputStream().read());
      assertTrue(requests.isEmpty());
    }
  }

  @Test
  void oversizedTcpMessageIsRefused() throws Exception {
    try (var socket = new Socket("127.0.0.1", stack.tcpPort())) {
      socket.setSoTimeout(10_000);
      String padding = "X-Padding: " + "a".repeat(1000) + "\r\n";
      String huge = options("TCP", 9, "huge").replace("Max-Forwards: 70\r\n",
          "Max-Forwards: 70\r\n" + padding.repeat(40));
      socket.getOutputStream().write(huge.getBytes(StandardCharsets.US_ASCII));
      int first = socket.getInputStream().read();
      assertTrue(first == -1 || first == 'S', "the stack answered or closed: " + first);
      assertTrue(requests.isEmpty(), "a 40 KB message reached the call layer");
    }
  }

  @Test
  void garbageIsIgnoredAndTheStackKeepsServing() throws Exception {
    try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(5000);
      for (String junk : new String[] {"\u0000\u0001garbage", "INVITE\r\n\r\n", "SIP/2.0 999 Nope\r\n\r\n"}) {
        byte[] bytes = junk.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), stack.udpPort()));
      }
      byte[] request = options("UDP", socket.getLocalPort(), "after-junk").getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), stack.udpPort()));
      assertTrue(receive(socket).startsWith("SIP/2.0 200 OK"));
      assertEquals("after-junk", requests.poll(5, TimeUnit.SECONDS).callId());
    }
  }

  private static String receive(DatagramSocket socket) throws Exception {
    var packet = new DatagramPacket(new byte[65535], 65535);
    socket.receive(packet);
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
  }
}
