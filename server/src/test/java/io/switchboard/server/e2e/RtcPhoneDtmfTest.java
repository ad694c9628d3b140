package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.rtc.RtcNode;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DTMF between a phone (baresip, RFC 4733) and a WebRTC client ({@code @livekit/rtc-node}): the
 * caller's keys reach the client as SipDTMF data packets over its data channel, and the keys the
 * client publishes with {@code publishDtmf} are keyed to the phone.
 */
class RtcPhoneDtmfTest {
  private static final String NUMBER = "+15550199";
  private static final String ROOM = "ivr-web";
  @TempDir Path dir;

  @Test
  void callerKeysReachTheWebClientAndItsKeysReachThePhone() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"))) {
      SipServiceClient sip =
          SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      var trunkOptions = new CreateSipInboundTrunkOptions();
      trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
      var trunk = ok(sip.createSipInboundTrunk("loopback", List.of(NUMBER), trunkOptions).execute());
      var ruleOptions = new CreateSipDispatchRuleOptions();
      ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
      ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), ruleOptions).execute());

      Path nodeLog = dir.resolve("node.log");
      Files.createDirectories(dir);
      Map<String, String> env = new HashMap<>(RtcNode.env(server, ROOM));
      env.put("DIGITS", "42#");
      Process web = RtcNode.start("rtc-phone-dtmf.mjs", env, nodeLog);
      Path microphone = dir.resolve("alice.wav");
      WavFile.mono(8000, ToneGenerator.tone(440, 8000, 8000, 8000 * 60)).write(microphone);
      try (Baresip phone = new Baresip(dir.resolve("alice"), "alice", FreePorts.pair(), microphone, FreePorts.one());
          BaresipControl control = phone.start(Duration.ofSeconds(60))) {
        RtcNode.awaitLine(web, nodeLog, "READY", Duration.ofSeconds(30));
        control.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());
        control.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));
        control.command("sndcode", "42#");

        String first = control.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(40));
        String second = control.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(10));
        assertTrue(first.contains("\"param\":\"7\""), first + "\n" + Files.readString(nodeLog));
        assertTrue(second.contains("\"param\":\"9\""), second);

        control.command("hangup", "");
        control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        assertTrue(web.waitFor(40, TimeUnit.SECONDS), "node did not finish:\n" + Files.readString(nodeLog));
        String output = Files.readString(nodeLog);
        assertEquals(0, web.exitValue(), output);
        JsonNode keys = RtcNode.result(output).path("keys");
        System.out.println("rtc-phone-dtmf: " + keys);
        assertEquals(3, keys.size(), keys.toString());
        assertEquals(List.of(4, 2, 11), List.of(keys.get(0).path("code").asInt(), keys.get(1).path("code").asInt(),
            keys.get(2).path("code").asInt()), "RFC 4733 events 4, 2 and 11 (#): " + keys);
        keys.forEach(k -> assertEquals("sip_alice", k.path("from").asText(), keys.toString()));
        control.command("quit", "");
        phone.awaitExit(Duration.ofSeconds(10));
      } finally {
        web.destroyForcibly();
      }
    }
  }
}
