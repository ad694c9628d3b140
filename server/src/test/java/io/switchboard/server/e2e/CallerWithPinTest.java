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
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real phone (baresip) calls a number whose dispatch rule has a PIN, and keys digits as
 * RFC 4733 events. The call is answered into the PIN lobby; the right PIN lets the caller into
 * the room, where it hears the host; wrong PINs never get it in, and the server hangs up.
 */
class CallerWithPinTest {
  private static final int RATE = 8000;
  private static final String NUMBER = "+15550199";
  private static final String ROOM = "vault";
  private static final String PIN = "1234";
  private static final double CALLER_TONE = 440;
  private static final double HOST_TONE = 1000;

  @TempDir Path dir;
  private RunningSwitchboard server;
  private SIPDispatchRuleInfo rule;
  private SIPInboundTrunkInfo trunk;
  private final BlockingQueue<ParticipantInfo> callersJoined = new LinkedBlockingQueue<>();
  private final BlockingQueue<ParticipantInfo> callersLeft = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
    server.server().rooms().addListener(event -> {
      switch (event) {
        case RoomEvent.ParticipantJoined joined when joined.participant().kind() == ParticipantKind.SIP ->
            callersJoined.add(joined.participant());
        case RoomEvent.ParticipantLeft left when left.participant().kind() == ParticipantKind.SIP ->
            callersLeft.add(left.participant());
        default -> { }
      }
    });
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    trunk = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    rule = ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, PIN), ruleOptions).execute());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theRightPinAfterAWrongOneLetsTheCallerIntoTheRoom() throws Exception {
    try (RoomHost host = RoomHost.join(server.server().rooms(), ROOM, HOST_TONE, CALLER_TONE, 100);
        Baresip phone = phone("alice");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", uri());
      control.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));
      assertEquals(0, host.framesHeard(), "answered into the lobby, not the room");
      control.command("sndcode", "999#" + PIN + "#");

      ParticipantInfo caller = callersJoined.poll(20, TimeUnit.SECONDS);
      assertTrue(caller != null, "the caller never joined; phone events " + control.events() + "\n" + phone.log());
      assertEquals("sip_alice", caller.identity());
      assertEquals("Phone alice", caller.name());
      Map<String, String> attributes = caller.attributes();
      assertEquals("active", attributes.get("sip.callStatus"), "answered before it joined");
      assertEquals(rule.getSipDispatchRuleId(), attributes.get("sip.ruleID"));
      assertEquals(trunk.getSipTrunkId(), attributes.get("sip.trunkID"));
      assertEquals("alice", attributes.get("sip.phoneNumber"));
      assertEquals(NUMBER, attributes.get("sip.trunkPhoneNumber"));
      assertTrue(attributes.get("sip.callID").startsWith("SCL_"), attributes.toString());
      assertEquals(2, server.server().rooms().room(ROOM).orElseThrow().participants().size());

      assertTrue(host.awaitHeard(Duration.ofSeconds(15)), "the room heard the caller in only " + host.framesHeard()
          + " frames");
      control.command("hangup", "");
      control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
      assertEquals("sip_alice", callersLeft.poll(10, TimeUnit.SECONDS).identity(), "hanging up leaves the room");
      control.command("quit", "");
      assertTrue(phone.awaitExit(Duration.ofSeconds(10)), "baresip did not quit");

      Heard heard = new Heard(WavFile.read(phone.heard()));
      int roomFrom = heard.firstMillisWith(HOST_TONE);
      assertTrue(roomFrom >= 0, "the caller never heard the room\n" + heard.describe());
      assertTrue(heard.hasBefore(roomFrom, 200), "no wrong-PIN buzz before the room\n" + heard.describe());
      assertTrue(heard.hasBefore(roomFrom, 783.99), "no 'accepted' chime before the room\n" + heard.describe());
      assertTrue(heard.quietBefore(roomFrom - 100, HOST_TONE), "room audio leaked into the lobby\n" + heard.describe());
      assertTrue(heard.lastsFrom(roomFrom, HOST_TONE) >= 1500,
          "the room was heard for only " + heard.lastsFrom(roomFrom, HOST_TONE) + " ms\n" + heard.describe());
    }
  }

  @Test
  void threeWrongPinsNeverJoinAndTheServerHangsUp() throws Exception {
    try (Baresip phone = phone("mallory");
        BaresipControl control = phone.start(Duration.ofSeconds(60))) {
      control.command("dial", uri());
      control.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));
      control.command("sndcode", "111#222#333#");

      String closed = control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(20));
      assertTrue(callersJoined.isEmpty(), "a caller joined: " + callersJoined);
      assertTrue(server.server().rooms().room(ROOM).isEmpty(), "the room was never even created");
      control.command("quit", "");
      assertTrue(phone.awaitExit(Duration.ofSeconds(10)), "baresip did not quit");
      assertTrue(phone.log().contains("mallory@127.0.0.1: Call with"), phone.log());

      Heard heard = new Heard(WavFile.read(phone.heard()));
      assertTrue(heard.hasBefore(Integer.MAX_VALUE, 200), "no wrong-PIN buzz\n" + heard.describe() + "\n" + closed);
      assertTrue(heard.firstMillisWith(HOST_TONE) < 0);
    }
  }

  private Baresip phone(String user) throws Exception {
    Path microphone = dir.resolve(user + ".wav");
    WavFile.mono(RATE, ToneGenerator.tone(CALLER_TONE, 8000, RATE, RATE * 60)).write(microphone);
    return new Baresip(dir.resolve(user), user, FreePorts.pair(), microphone, FreePorts.one());
  }

  private String uri() {
    return "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
  }
}
