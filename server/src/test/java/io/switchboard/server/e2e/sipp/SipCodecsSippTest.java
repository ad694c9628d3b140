package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sip.codecs: [pcmu]} ("G.711 only", livekit#4106) through the whole server, with SIPp as
 * the carrier: our outbound INVITE offers PCMU and telephone-event and nothing else, and a caller
 * offering Opus first and PCMU second is answered with PCMU, whose audio then flows.
 */
class SipCodecsSippTest {
  private static final String CALLEE = "+14155550123";
  private static final String CALLER = "+14155550199";
  private static final String CALLED = "+15105550100";
  private static final String ROOM = "g711";

  @TempDir Path dir;
  private ServerUnderCall switchboard;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    switchboard = new ServerUnderCall(dir, c -> c.withSip(c.sip().withCodecs(List.of("pcmu"))));
  }

  @AfterEach
  void stop() {
    if (switchboard != null) {
      switchboard.close();
    }
  }

  @Test
  void outboundInviteOffersOnlyPcmuAndTelephoneEvent() throws Exception {
    Sipp.Run callee = switchboard.call("outbound_answer.xml", Map.of("RING_MS", "0"));
    var dialing = new Dialing(switchboard.server);
    String trunk = dialing.trunk(callee.sipPort(), "");

    Dialing.Reply reply = dialing.createParticipant("{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"" + CALLEE
        + "\",\"room_name\":\"" + ROOM + "\",\"wait_until_answered\":true}");
    assertEquals(200, reply.status(), reply.body().toString());
    assertTrue(switchboard.room(ROOM).remove("sip_" + CALLEE, DisconnectReason.PARTICIPANT_REMOVED));

    Sipp.Result result = callee.await();
    assertTrue(result.passed(), result.describe());
    String invite = result.message("INVITE ");
    List<String> media = invite.lines().filter(l -> l.startsWith("m=") || l.startsWith("a=rtpmap")).toList();
    assertEquals(1, media.stream().filter(l -> l.startsWith("m=audio ")).count(), invite);
    assertTrue(media.getFirst().endsWith(" RTP/AVP 0 101"), invite);
    assertEquals(List.of("a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000"), media.subList(1, media.size()));
  }

  @Test
  void inboundOpusAndPcmuOfferIsAnsweredWithPcmuAndAudioFlows() throws Exception {
    String trunk = switchboard.provisioning.inboundTrunk("carrier", List.of(CALLED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    switchboard.provisioning.directRule(trunk, ROOM);
    String identity = "sip_" + CALLER;

    Sipp.Run caller = switchboard.call("opus_pcmu_call.xml", Map.of("CALLER", CALLER, "CALLED", CALLED));
    switchboard.rooms.awaitParticipant(ROOM, identity, "answered", RoomWatch.Ready.callStatus("active"));
    try (EchoProbe probe = new EchoProbe(switchboard.room(ROOM))) {
      probe.awaitHearing(); // the room hears itself through the caller's PCMU leg
    }
    CarrierCue.send(caller, "hang up");
    Sipp.Result result = caller.await();
    assertTrue(result.passed(), result.describe());
    switchboard.rooms.awaitLeft(ROOM, identity);

    String ok = result.message("SIP/2.0 200 OK");
    assertTrue(ok.contains("CSeq: 1 INVITE"), ok);
    assertTrue(ok.lines().anyMatch(l -> l.matches("m=audio \\d+ RTP/AVP 0 101")), ok);
    assertTrue(ok.contains("a=rtpmap:0 PCMU/8000"), ok);
    assertFalse(ok.toLowerCase(java.util.Locale.ROOT).contains("opus"), ok);
  }

  @Test
  void inboundOfferWithNoneOfOurCodecsIsRefusedWith488AndNobodyJoins() throws Exception {
    String trunk = switchboard.provisioning.inboundTrunk("carrier", List.of(CALLED),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    switchboard.provisioning.directRule(trunk, ROOM);

    Sipp.Result result = switchboard.call("opus_only_call.xml", Map.of("CALLER", CALLER, "CALLED", CALLED)).await();

    assertTrue(result.passed(), result.describe());
    String refusal = result.message("SIP/2.0 488");
    assertTrue(refusal.startsWith("SIP/2.0 488 Not Acceptable Here"), refusal);
    assertTrue(refusal.contains("Warning: 305 switchboard \"no common codec: offered [opus/48000, "
        + "telephone-event/48000], allowed [PCMU]\""), refusal);
    assertTrue(switchboard.server.server().rooms().room(ROOM).isEmpty(), "no room for a refused call");
  }
}
