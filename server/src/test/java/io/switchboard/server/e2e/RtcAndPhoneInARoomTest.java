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
import java.util.List;
import java.util.concurrent.TimeUnit;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebRTC client ({@code @livekit/rtc-node}) and a phone (baresip) in one room: the phone's
 * 440 Hz reaches the client as Opus encoded once from the room, the client's 1000 Hz Opus is
 * decoded once and reaches the phone through the room's mix.
 */
class RtcAndPhoneInARoomTest {
  private static final String NUMBER = "+15550177";
  @TempDir Path dir;

  @Test
  void webClientAndCallerHearEachOther() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    RtcNode.assumeInstalled();
    try (RunningSwitchboard server = new RunningSwitchboard(dir.resolve("data"))) {
      SipServiceClient sip =
          SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      var trunkOptions = new CreateSipInboundTrunkOptions();
      trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
      SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("loopback", List.of(NUMBER), trunkOptions).execute());
      var ruleOptions = new CreateSipDispatchRuleOptions();
      ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
      ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("mixed", ""), ruleOptions).execute());

      Path nodeLog = dir.resolve("node.log");
      Files.createDirectories(dir);
      Process web = RtcNode.start("rtc-with-phone.mjs", RtcNode.env(server, "mixed"), nodeLog);
      try {
        RtcNode.awaitLine(web, nodeLog, "READY", Duration.ofSeconds(30));
        Path wav = dir.resolve("caller.wav");
        WavFile.mono(8000, ToneGenerator.tone(440, 8000, 8000, 8000 * 10)).write(wav);
        try (Baresip phone = new Baresip(dir.resolve("phone"), "carol", FreePorts.pair(), wav)) {
          phone.dial("sip:" + NUMBER + "@127.0.0.1:" + server.sipPort(), Duration.ofSeconds(10));
          assertTrue(phone.awaitExit(Duration.ofSeconds(30)), "the phone did not finish");
          assertTrue(web.waitFor(40, TimeUnit.SECONDS), "node did not finish:\n" + Files.readString(nodeLog));
          String output = Files.readString(nodeLog);
          assertEquals(0, web.exitValue(), output);

          JsonNode result = RtcNode.result(output);
          System.out.println("rtc-with-phone: " + result);
          assertTrue(result.path("from").asText().startsWith("sip_"), "the track came from the caller: " + result);
          assertTrue(result.path("tone").path("share").asDouble() > 0.8, "the client hears 440 Hz: " + result);
          assertTrue(result.path("tone").path("rms").asInt() > 2000, "at a useful level: " + result);
          assertTrue(result.path("own").path("share").asDouble() < 0.05, "and not itself: " + result);

          Heard heard = new Heard(WavFile.read(phone.heard()));
          int length = Math.min(2000, heard.millis() - 2000);
          assertTrue(length > 1000, "recording too short\n" + phone.log());
          // Per 100 ms window (their median): a late packet's phase break spoils one window, not the level.
          double client = heard.medianLevel(2000, length, 1000);
          double own = heard.medianLevel(2000, length, 440);
          assertTrue(client > 3000, "the phone hears the client's 1000 Hz at ~8000, got " + client + "\n"
              + heard.describe() + "\n" + phone.log());
          System.out.println("phone heard 1000 Hz at " + client + ", its own 440 Hz at " + own);
          assertTrue(20 * Math.log10(client / Math.max(own, 1)) > 30, "own tone " + own + " against " + client);
        }
      } finally {
        web.destroyForcibly();
      }
    }
  }
}
