package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real phones (baresip) dial the same number; a direct dispatch rule puts both in one room.
 * Each plays its own tone and records what it hears: each must hear the other's tone, not its own.
 */
class CallersInARoomTest {
  private static final int RATE = 8000;
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;
  private static final String NUMBER = "+15550100";

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void eachCallerHearsTheOtherAndNotThemselves() throws Exception {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    SIPDispatchRuleInfo rule = ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("lobby", ""), ruleOptions).execute());
    assertTrue(rule.getSipDispatchRuleId().startsWith("SDR_"));

    Path toneA = tone(TONE_A, "a.wav");
    Path toneB = tone(TONE_B, "b.wav");
    String uri = "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), toneA);
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), toneB)) {
      a.dial(uri, Duration.ofSeconds(12));
      b.dial(uri, Duration.ofSeconds(12));
      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "bob's phone did not finish");

      assertHears(a, TONE_B, TONE_A);
      assertHears(b, TONE_A, TONE_B);
    }
  }

  /** The phone heard {@code expected} loudly, and its own tone at least 30 dB below it. */
  private static void assertHears(Baresip phone, double expected, double own) throws IOException {
    Heard heard = new Heard(WavFile.read(phone.heard()));
    // Two seconds from half a second after the other's tone first came (the other phone may get
    // through a moment later on a busy machine), and never within the first second (call
    // set-up, jitter buffer filling). A tone that never came leaves the window at 1 s.
    int from = heard.settledMillisOf(expected, 1000);
    int length = Math.min(2000, heard.millis() - from);
    assertTrue(length > 1000, "recording too short: " + heard.millis() + " ms\n" + phone.log());
    double wanted = heard.medianLevel(from, length, expected);
    double self = heard.medianLevel(from, length, own);
    assertTrue(wanted > 3000, "expected a " + expected + " Hz tone at amplitude ~8000 from " + from + " ms, got "
        + wanted + "\n" + heard.describe() + "\n" + phone.log());
    assertTrue(
        20 * Math.log10(wanted / Math.max(self, 1)) > 30,
        "own tone " + own + " Hz heard at " + self + " against " + wanted + " for the other's");
  }

  private Path tone(double frequency, String name) {
    Path path = dir.resolve(name);
    WavFile.mono(RATE, ToneGenerator.tone(frequency, 8000, RATE, RATE * 15)).write(path); // as long as the call
    return path;
  }
}
