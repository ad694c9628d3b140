package io.switchboard.server.e2e.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.server.config.SipConfig;
import io.switchboard.server.config.SipTlsConfig;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS through the whole server ({@code sip.tls} with PEM files and a CA file): a TLS
 * trunk's call answered by a SIPp callee, a SIPp caller reaching our TLS port and landing in a
 * room, and carriers whose certificate we must refuse. SIPp here is built without OpenSSL, so a
 * {@link TlsRelay} does its TLS: everything between the relay and Switchboard is real TLS
 * verified by our stack, and SIPp checks the SIP exchange as usual.
 */
class SipTlsSippTest {
  private static final String CALLEE = "+14155550123";
  private static final String CALLER_ID = "+15105550100";
  private static final String ROOM = "tls";

  @TempDir Path dir;
  private TlsCertificates ours;
  private TlsCertificates carrier;
  private RunningSwitchboard server;
  private RoomWatch rooms;
  private Dialing dialing;
  private TlsRelay relay;
  private Sipp.Run sipp;

  @BeforeEach
  void start() throws Exception {
    Sipp.assumeInstalled();
    ours = TlsCertificates.generate(dir, "switchboard", "127.0.0.1");
    carrier = TlsCertificates.generate(dir, "carrier", "127.0.0.1");
    var tls = new SipTlsConfig(true, 0, ours.certificateFile().toString(), ours.keyFile().toString(), null, null,
        carrier.certificateFile().toString());
    server = new RunningSwitchboard(dir.resolve("data"), c -> c.withSip(new SipConfig(0, null, null).withTls(tls)));
    rooms = new RoomWatch(server.server().rooms());
    dialing = new Dialing(server);
  }

  @AfterEach
  void stop() {
    if (sipp != null) {
      sipp.kill();
    }
    if (relay != null) {
      relay.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void tlsTrunkCallIsAnsweredOverTlsAndHungUpOverIt() throws Exception {
    var sippPort = new AtomicInteger();
    relay = TlsRelay.terminating(carrier.context(ours), sippPort::get);
    sipp = Sipp.start("outbound_answer_tls.xml", server.sipPort(),
        Map.of("RING_MS", "500", "RELAY_PORT", Integer.toString(relay.port())), "-t", "t1");
    sippPort.set(sipp.sipPort());
    String trunk = dialing.trunk(relay.port(), "\"transport\":\"SIP_TRANSPORT_TLS\"");

    Dialing.Reply reply = dialing.createParticipant(request(trunk));

    assertEquals(200, reply.status(), reply.body().toString());
    rooms.awaitParticipant(ROOM, "callee", "answered", RoomWatch.Ready.callStatus("active"));
    assertTrue(server.server().rooms().room(ROOM).orElseThrow().remove("callee", DisconnectReason.PARTICIPANT_REMOVED));
    Sipp.Result result = sipp.await(); // passes only if our ACK and BYE came through the TLS relay
    assertTrue(result.passed(), result.describe());
    String invite = result.message("INVITE ");
    assertTrue(invite.startsWith("INVITE sip:" + CALLEE + "@127.0.0.1:" + relay.port() + ";transport=tls SIP/2.0"),
        invite);
    assertTrue(invite.contains("Via: SIP/2.0/TLS 127.0.0.1:" + server.sipTlsPort()), invite);
    assertTrue(invite.contains("<sip:127.0.0.1:" + server.sipTlsPort() + ";transport=tls>"), invite);
    assertTrue(result.message("BYE ").startsWith("BYE sip:callee@127.0.0.1:" + relay.port() + ";transport=tls"),
        result.message("BYE "));
  }

  @Test
  void carrierWithAnUntrustedCertificateFailsTheCallNamingTheCertificate() throws Exception {
    TlsCertificates impostor = TlsCertificates.generate(dir, "impostor", "127.0.0.1");
    relay = TlsRelay.terminating(impostor.context(ours), () -> 9); // never reached: the handshake fails
    String trunk = dialing.trunk(relay.port(), "\"transport\":\"SIP_TRANSPORT_TLS\"");

    Dialing.Reply reply = dialing.createParticipant(request(trunk));

    String message = reply.body().get("msg").asText();
    assertEquals("failed_precondition", reply.body().get("code").asText(), reply.body().toString());
    assertEquals("503", reply.body().get("meta").get("sip_status_code").asText());
    assertTrue(message.contains("TLS handshake failed: the far end's certificate is not trusted"), message);
    assertEquals(DisconnectReason.SIP_TRUNK_FAILURE, rooms.awaitLeft(ROOM, "callee").reason());
  }

  @Test
  void carrierWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
    TlsCertificates elsewhere = TlsCertificates.generate(dir, "elsewhere", "sip.carrier.example");
    var tls = new SipTlsConfig(true, 0, ours.certificateFile().toString(), ours.keyFile().toString(), null, null,
        elsewhere.certificateFile().toString());
    server.close();
    server = new RunningSwitchboard(dir.resolve("data2"), c -> c.withSip(new SipConfig(0, null, null).withTls(tls)));
    dialing = new Dialing(server);
    relay = TlsRelay.terminating(elsewhere.context(ours), () -> 9);
    String trunk = dialing.trunk(relay.port(), "\"transport\":\"SIP_TRANSPORT_TLS\"");

    Dialing.Reply reply = dialing.createParticipant(request(trunk));

    String message = reply.body().get("msg").asText();
    assertEquals("503", reply.body().get("meta").get("sip_status_code").asText(), message);
    assertTrue(message.contains("not trusted") && message.contains("127.0.0.1"), message);
  }

  @Test
  void callerOverTlsLandsInTheRoomAndHangsUp() throws Exception {
    String caller = "+14155550999";
    var provisioning = new Provisioning(server);
    String trunk = provisioning.inboundTrunk("carrier", List.of(CALLER_ID),
        options -> options.setAllowedAddresses(List.of("127.0.0.1/32")));
    provisioning.directRule(trunk, ROOM);
    relay = TlsRelay.originating(carrier.context(ours), server.sipTlsPort());

    sipp = Sipp.start("tls_inbound_call.xml", relay.port(),
        Map.of("CALLER", caller, "CALLED", CALLER_ID, "TALK_MS", "1500"), "-t", "t1");

    // The scenario hangs up by itself after TALK_MS: look at what the room's events saw, not at
    // whether the caller is still in the room when this thread gets to look.
    var joined = rooms.awaitSeen(ROOM, "sip_" + caller, "answered", RoomWatch.Ready.callStatus("active"));
    assertEquals(caller, joined.attributes().get("sip.phoneNumber"));
    Sipp.Result result = sipp.await();
    assertTrue(result.passed(), result.describe());
    assertTrue(result.message("SIP/2.0 200 OK").contains("Contact: <sip:127.0.0.1:" + server.sipTlsPort()
        + ";transport=tls>"), result.message("SIP/2.0 200 OK"));
    assertEquals(DisconnectReason.CLIENT_INITIATED, rooms.awaitLeft(ROOM, "sip_" + caller).reason());
  }

  private static String request(String trunk) {
    return "{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"" + CALLEE + "\",\"room_name\":\"" + ROOM
        + "\",\"participant_identity\":\"callee\",\"wait_until_answered\":true}";
  }
}
