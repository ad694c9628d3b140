package io.switchboard.sfu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.transport.ice.IceCandidate;
import io.switchboard.sfu.transport.ice.IceCandidateType;
import org.junit.jupiter.api.Test;

/** TrickleRequest.candidateInit: the JSON of an RTCIceCandidateInit (W3C WebRTC §4.8.1.1). */
class CandidateInitTest {
  @Test
  void readsABrowsersServerReflexiveCandidate() {
    IceCandidate c = CandidateInit.parse("{\"candidate\":\"candidate:842163049 1 udp 1677729535 203.0.113.7 46154 "
        + "typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag sXmC network-cost 999\",\"sdpMid\":\"0\","
        + "\"sdpMLineIndex\":0,\"usernameFragment\":\"sXmC\"}").orElseThrow();
    assertEquals(IceCandidateType.SRFLX, c.type());
    assertEquals("203.0.113.7", c.address());
    assertEquals(46154, c.port());
    assertEquals(1677729535L, c.priority());
  }

  @Test
  void anEmptyCandidateIsTheEndOfCandidates() {
    assertTrue(CandidateInit.parse("{\"candidate\":\"\",\"sdpMid\":\"0\"}").isEmpty());
  }

  @Test
  void namesBadInput() {
    var e = assertThrows(IllegalArgumentException.class, () -> CandidateInit.parse("candidate:1 1 udp"));
    assertTrue(e.getMessage().startsWith("candidateInit is not JSON"), e.getMessage());
  }
}
