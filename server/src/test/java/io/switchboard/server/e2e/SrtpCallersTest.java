package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SDES-SRTP (RFC 4568, RFC 3711) with real phones: baresip with {@code mediaenc=srtp-mand} offers
 * RTP/SAVP with an AES_CM_128_HMAC_SHA1_80 key and accepts nothing else. Two such callers on a
 * trunk with media_encryption REQUIRE each hear the other's tone through the room: each leg
 * decrypts what its phone sends and encrypts what it hears, so a wrong key in either direction
 * would give noise or silence instead of the tone. A plain caller to that trunk gets 488.
 */
class SrtpCallersTest {
  private static final int RATE = 8000;
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    assumeTrue(Files.exists(Path.of("/usr/lib/baresip/modules/srtp.so")) || System.getenv("CI") != null,
        "baresip's srtp module is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void twoSrtpCallersOnARequireTrunkHearEachOther() throws Exception {
    String number = secureTrunk("+15550170", "secure-lobby");
    String uri = "sip:" + number + "@127.0.0.1:" + server.sipPort();
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), tone(TONE_A, "a.wav"), 0, "srtp-mand");
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), tone(TONE_B, "b.wav"), 0, "srtp-mand")) {
      a.dial(uri, Duration.ofSeconds(12));
      b.dial(uri, Duration.ofSeconds(12));
      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "bob's phone did not finish");

      assertHears(a, TONE_B, TONE_A);
      assertHears(b, TONE_A, TONE_B);
    }
  }

  @Test
  void onAnAllowTrunkABestEffortSrtpCallerAndAPlainCallerHearEachOther() throws Exception {
    String number = trunk("+15550172", "mixed-lobby", "SIP_MEDIA_ENCRYPT_ALLOW");
    String uri = "sip:" + number + "@127.0.0.1:" + server.sipPort();
    // mediaenc=srtp offers RTP/AVP with a=crypto: ALLOW answers SRTP; the plain caller stays on RTP.
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), tone(TONE_A, "a.wav"), 0, "srtp");
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), tone(TONE_B, "b.wav"))) {
      a.dial(uri, Duration.ofSeconds(12));
      b.dial(uri, Duration.ofSeconds(12));
      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "bob's phone did not finish");

      assertHears(a, TONE_B, TONE_A);
      assertHears(b, TONE_A, TONE_B);
    }
  }

  @Test
  void aPlainCallerToARequireTrunkIsRefusedWith488() throws Exception {
    String number = secureTrunk("+15550171", "secure-only");
    // Until the call is closed, not for a fixed 4 s: a loaded machine may start the phone slowly.
    try (Baresip plain = new Baresip(dir.resolve("plain"), "carol", FreePorts.pair(), tone(TONE_A, "c.wav"), FreePorts.one());
        BaresipControl control = plain.start(Duration.ofSeconds(60))) {
      control.command("dial", "sip:" + number + "@127.0.0.1:" + server.sipPort());
      String closed = control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(30));
      assertTrue(closed.contains("488"), "expected 488 Not Acceptable Here for plain RTP: " + closed + "\n" + plain.log());
      control.command("quit", "");
      assertTrue(plain.awaitExit(Duration.ofSeconds(15)), "the phone did not quit");
    }
  }

  /** An inbound trunk with media_encryption REQUIRE and a direct rule into {@code room}. */
  private String secureTrunk(String number, String room) throws Exception {
    return trunk(number, room, "SIP_MEDIA_ENCRYPT_REQUIRE");
  }

  private String trunk(String number, String room, String encryption) throws Exception {
    JsonTwirp.post(server.url(), "CreateSIPInboundTrunk",
        "{\"trunk\":{\"name\":\"secure\",\"numbers\":[\"" + number + "\"],\"allowed_addresses\":[\"127.0.0.1/32\"],"
            + "\"media_encryption\":\"" + encryption + "\"}}");
    String trunkId = JsonTwirp.post(server.url(), "ListSIPInboundTrunk", "{\"numbers\":[\"" + number + "\"]}")
        .get("items").get(0).get("sip_trunk_id").asText();
    JsonTwirp.post(server.url(), "CreateSIPDispatchRule",
        "{\"trunk_ids\":[\"" + trunkId + "\"],\"rule\":{\"dispatch_rule_direct\":{\"room_name\":\"" + room + "\"}}}");
    return number;
  }

  /** The phone heard {@code expected} loudly, and its own tone at least 30 dB below it. */
  private static void assertHears(Baresip phone, double expected, double own) throws IOException {
    Heard heard = new Heard(WavFile.read(phone.heard()));
    // From half a second after the other's tone came (it may get through later), not within the
    // first second; per 100 ms window, so that a late packet's phase break spoils one window only.
    int from = heard.settledMillisOf(expected, 1000);
    int length = Math.min(2000, heard.millis() - from);
    assertTrue(length > 1000, "recording too short: " + heard.millis() + " ms\n" + phone.log());
    double wanted = heard.medianLevel(from, length, expected);
    double self = heard.medianLevel(from, length, own);
    assertTrue(wanted > 3000, "expected a " + expected + " Hz tone at amplitude ~8000 from " + from + " ms, got "
        + wanted + "\n" + heard.describe() + "\n" + phone.log());
    assertTrue(20 * Math.log10(wanted / Math.max(self, 1)) > 30,
        "own tone " + own + " Hz heard at " + self + " against " + wanted + " for the other's");
  }

  private Path tone(double frequency, String name) {
    Path path = dir.resolve(name);
    WavFile.mono(RATE, ToneGenerator.tone(frequency, 8000, RATE, RATE * 15)).write(path); // as long as the call
    return path;
  }
}
