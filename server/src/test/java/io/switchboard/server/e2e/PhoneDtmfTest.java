package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTMF both ways between a real phone (baresip, RFC 4733) and the room: keys the caller presses
 * reach room participants as LiveKit SipDTMF data, and SipDTMF a participant addresses to the
 * caller is keyed to the phone, which reports each digit it decoded.
 */
class PhoneDtmfTest {
  private static final int RATE = 8000;
  private static final String NUMBER = "+15550188";
  private static final String ROOM = "ivr";

  @TempDir Path dir;
  private RunningSwitchboard server;
  private final BlockingQueue<DataPacket> heardInRoom = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    var trunk = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), ruleOptions).execute());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void keysGoBothWaysBetweenThePhoneAndTheRoom() throws Exception {
    LocalParticipant bot = server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET).join(
        new ParticipantSpec("ivr-bot", "IVR", ParticipantKind.AGENT, "", Map.of()),
        new ParticipantListener() {
          @Override
          public void onData(DataPacket packet) {
            heardInRoom.add(packet);
          }
        });
    try (Baresip phone = phone("alice");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());
      control.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));

      control.command("sndcode", "42#");
      List<DataMessage> keys = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        DataPacket packet = heardInRoom.poll(15, TimeUnit.SECONDS);
        assertTrue(packet != null, "the room got only " + keys + "\n" + phone.log());
        assertEquals("sip_alice", packet.participantIdentity());
        assertEquals(DataPacket.Kind.RELIABLE, packet.kind());
        keys.add(packet.value());
      }
      assertEquals(List.of(new DataMessage.SipDtmf(4, "4"), new DataMessage.SipDtmf(2, "2"),
          new DataMessage.SipDtmf(11, "#")), keys, "RFC 4733 events 4, 2 and 11 (#)");

      bot.publishData(DataMessage.SipDtmf.of('7'), DataPacket.Kind.RELIABLE, List.of("sip_alice"));
      bot.publishData(new DataMessage.SipDtmf(10, ""), DataPacket.Kind.RELIABLE, List.of("sip_alice"));
      String first = control.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(10));
      String second = control.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(10));
      assertTrue(first.contains("\"param\":\"7\""), first);
      assertTrue(second.contains("\"param\":\"*\""), "a SipDTMF with only the code 10 is *: " + second);

      control.command("hangup", "");
      control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
      control.command("quit", "");
      assertTrue(phone.awaitExit(Duration.ofSeconds(10)), "baresip did not quit");
    } finally {
      bot.leave(io.switchboard.sfu.room.DisconnectReason.CLIENT_INITIATED);
    }
  }

  private Baresip phone(String user) throws Exception {
    Path microphone = dir.resolve(user + ".wav");
    WavFile.mono(RATE, ToneGenerator.tone(440, 8000, RATE, RATE * 60)).write(microphone);
    return new Baresip(dir.resolve(user), user, FreePorts.pair(), microphone, FreePorts.one());
  }
}
