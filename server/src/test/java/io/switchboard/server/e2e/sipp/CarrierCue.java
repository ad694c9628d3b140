package io.switchboard.server.e2e.sipp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Tells a SIPp carrier waiting at {@code <recv request="INFO"/>} to go on: the test's hand on
 * the phone. The cue is an INFO carrying the call's Call-ID, sent straight to SIPp's SIP port
 * (never to the server), so a scenario can hold a call exactly until the test has looked at the
 * room, with no timed pauses. The scenario does not answer it: SIPp would send its 200 to the
 * server, which has no such transaction.
 */
final class CarrierCue {
  private CarrierCue() {}

  static void send(Sipp.Run sipp, String why) throws IOException {
    send(sipp, sipp.callId(), why);
  }

  /**
   * Cues a SIPp that answers calls (a UAS scenario): the call is the one of our INVITE, whose
   * Call-ID SIPp did not choose ({@code sip.callIDFull} on the callee's participant).
   */
  static void send(Sipp.Run sipp, String callId, String why) throws IOException {
    try (var socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      String request = String.join("\r\n",
          "INFO sip:carrier@127.0.0.1:" + sipp.sipPort() + " SIP/2.0",
          "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-cue-" + System.nanoTime(),
          "From: <sip:test@127.0.0.1>;tag=cue",
          "To: <sip:carrier@127.0.0.1>",
          "Call-ID: " + callId,
          "CSeq: 1 INFO",
          "Max-Forwards: 70",
          "Subject: " + why,
          "Content-Length: 0",
          "",
          "");
      byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
      socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", sipp.sipPort())));
    }
  }
}
