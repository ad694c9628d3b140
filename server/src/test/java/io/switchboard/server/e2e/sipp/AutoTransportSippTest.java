package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trunk with transport {@code auto} (the default) whose INVITE tops 1300 bytes is dialled over
 * TCP (RFC 3261 §18.1.1): SIPp listens on TCP only, so the call connects only if we switched.
 * Small INVITEs staying on UDP are what every other outbound SIPp test does.
 */
class AutoTransportSippTest {
  @TempDir Path dir;
  private ServerUnderCall switchboard;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, false);
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @Test
  void largeInviteOnAnAutoTrunkGoesOverTcp() throws Exception {
    Sipp.Run callee = Sipp.start("outbound_answer.xml", switchboard.server.sipPort(), Map.of("RING_MS", "0"), "-t", "t1");
    String context = "x".repeat(900);
    String trunk = new Dialing(switchboard.server).trunk(callee.sipPort(),
        "\"transport\":\"SIP_TRANSPORT_AUTO\",\"headers\":{\"X-Context\":\"" + context + "\"}");

    Dialing.Reply reply = new Dialing(switchboard.server).createParticipant("{\"sip_trunk_id\":\"" + trunk
        + "\",\"sip_call_to\":\"+14155550123\",\"room_name\":\"auto\",\"participant_identity\":\"callee\","
        + "\"wait_until_answered\":true,\"ringing_timeout\":\"15s\"}");

    assertEquals(200, reply.status(), reply.body().toString());
    assertTrue(switchboard.room("auto").remove("callee", DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = callee.await(); // passes only if our ACK and BYE came over TCP too
    assertTrue(result.passed(), result.describe());
    String invite = result.message("INVITE ");
    assertTrue(invite.startsWith("INVITE sip:+14155550123@127.0.0.1:" + callee.sipPort() + ";transport=tcp "), invite);
    assertTrue(invite.contains("Via: SIP/2.0/TCP"), invite);
    assertTrue(invite.contains("X-Context: " + context), invite);
  }
}
