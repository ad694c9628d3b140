package io.switchboard.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sip.testing.GatewayHarness;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests an endpoint must refuse, sent as raw datagrams: each gets the response RFC 3261 and
 * RFC 4475 ask of a UAS, none reaches the handler's dispatch, and the server keeps serving.
 */
class MalformedRequestTest {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static GatewayHarness gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = new GatewayHarness();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static final String GOOD_SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
      + "m=audio 6000 RTP/AVP 0\r\n";

  /** {@code |} in the table stands for CRLF. */
  @ParameterizedTest(name = "{0} -> {3}")
  @CsvSource(delimiter = ';', textBlock = """
      SDP that is not SDP;        INVITE; Content-Type: application/sdp;          400; Malformed SDP
      SDP without v= first;       INVITE; Content-Type: application/sdp;          400; must start with v=0
      body that is not SDP;       INVITE; Content-Type: text/plain;               415; Accept: application/sdp
      compressed body;            INVITE; Content-Type: application/sdp|Content-Encoding: gzip; 415; Accept-Encoding
      unsupported extension;      INVITE; Require: 100rel, foo;                   420; Unsupported: 100rel
      broken Diversion;           INVITE; Diversion: <sip:+15105550111@a reason=x;  400; Diversion
      no common codec;            INVITE; Content-Type: application/sdp;          488; G729/8000
      unknown method;             FOO;    X-Test: 1;                              501; Allow:
      REGISTER to a gateway;      REGISTER; X-Test: 1;                            405; Allow:
      BYE for no dialog;          BYE;    X-Test: 1;                              481; Call
      CANCEL for no INVITE;       CANCEL; X-Test: 1;                              481; Call
      """)
  void refusedWithTheRightStatus(String name, String method, String headers, int status, String expected)
      throws Exception {
    String body = switch (name) {
      case "SDP that is not SDP" -> "hello, world\r\n";
      case "SDP without v= first" -> "o=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";
      case "body that is not SDP" -> "hello";
      case "no common codec" -> GOOD_SDP.replace("RTP/AVP 0", "RTP/AVP 18") + "a=rtpmap:18 G729/8000\r\n";
      case "compressed body" -> GOOD_SDP;
      default -> "";
    };
    boolean inDialog = method.equals("BYE");
    String response = exchange(request(method, "sip:+15105550100@127.0.0.1", headers.replace("|", "\r\n"), body,
        inDialog));
    assertTrue(response.startsWith("SIP/2.0 " + status + " "), response);
    assertTrue(response.contains(expected.strip()), response);
    assertTrue(gateway.handler.dispatches.isEmpty(), "a refused request reached dispatch");
  }

  @Test
  void unknownRequestUriSchemeGets416() throws Exception {
    String response = exchange(request("INVITE", "nobodyKnowsThisScheme:totallyopaquecontent", "X-Test: 1", "", false));
    assertTrue(response.startsWith("SIP/2.0 416 "), response);
  }

  @Test
  void serverStillAnswersAfterAllThat() throws Exception {
    String response = exchange(request("OPTIONS", "sip:127.0.0.1", "X-Test: 1", "", false));
    assertTrue(response.startsWith("SIP/2.0 200 "), response);
    assertEquals(0, gateway.server.activeCalls());
  }

  private static String request(String method, String uri, String headers, String body, boolean inDialog) {
    int n = SEQUENCE.incrementAndGet();
    String cseqMethod = method;
    return method + " " + uri + " SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5099;branch=z9hG4bK-bad-" + n + ";rport\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:+14155550123@127.0.0.1>;tag=bad" + n + "\r\n"
        + "To: <sip:+15105550100@127.0.0.1>" + (inDialog ? ";tag=nosuchdialog" : "") + "\r\n"
        + "Call-ID: malformed-" + n + "@127.0.0.1\r\n"
        + "CSeq: 1 " + cseqMethod + "\r\n"
        + "Contact: <sip:caller@127.0.0.1:5099>\r\n"
        + headers + "\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n"
        + body;
  }

  /** Sends one request and returns the first final response (1xx are skipped). */
  private static String exchange(String request) throws Exception {
    try (var socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      socket.setSoTimeout(5000);
      byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), gateway.port()));
      while (true) {
        var packet = new DatagramPacket(new byte[65535], 65535);
        socket.receive(packet);
        String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        if (!response.startsWith("SIP/2.0 1")) {
          return response;
        }
      }
    }
  }
}
