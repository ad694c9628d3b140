package io.switchboard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LiveKit's {@code krisp_enabled}, served by RNNoise: a real phone (baresip, G.711) plays a caller
 * speaking over loud pink noise; a listener in the room records what it hears. The same call
 * goes at the same time to a second room without {@code krisp_enabled}, as the baseline. With it,
 * the noise-only stretches must be at least 10 dB quieter than the baseline's while the speech
 * stretches keep their energy (within 6 dB). Inbound (trunk flag) and outbound
 * (CreateSIPParticipant flag).
 */
class NoiseSuppressedCallsTest {
  private static final String SENTENCE = "Please send an engineer to fix my broken phone line.";

  @TempDir Path dir;
  private RunningSwitchboard server;
  private NoisySpeech caller;
  private Path wav;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
    caller = new NoisySpeech(SENTENCE, 7);
    wav = caller.write(dir.resolve("noisy-caller.wav"));
    // A fresh JVM runs RNNoise tens of times slower until the JIT has compiled it; a call then
    // passes most frames uncleaned for its first half minute. Judge a warmed-up server.
    server.server().warmNoiseSuppression().toCompletableFuture().get(5, java.util.concurrent.TimeUnit.MINUTES);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aTrunkWithKrispEnabledCleansTheCallersAudioForTheRoom() throws Exception {
    String on = inboundTrunk("+15550171", "krisp-on", true);
    String off = inboundTrunk("+15550172", "krisp-off", false);
    Duration call = Duration.ofMillis(caller.millis() + 4000);
    try (RoomRecorder cleanEar = recorder("krisp-on");
        RoomRecorder plainEar = recorder("krisp-off");
        Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), wav);
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), wav)) {
      a.dial("sip:" + on + "@127.0.0.1:" + server.sipPort(), call);
      b.dial("sip:" + off + "@127.0.0.1:" + server.sipPort(), call);
      assertTrue(a.awaitExit(Duration.ofSeconds(60)), "the krisp caller's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(60)), "the plain caller's phone did not finish");
      assertCleaned("inbound", cleanEar.samples(), plainEar.samples(), a.log());
    }
  }

  @Test
  void createSipParticipantWithKrispEnabledCleansTheCalleesAudio() throws Exception {
    int portOn = FreePorts.pair();
    int portOff = FreePorts.pair();
    try (RoomRecorder cleanEar = recorder("out-krisp-on");
        RoomRecorder plainEar = recorder("out-krisp-off");
        Baresip a = new Baresip(dir.resolve("a"), "callee", portOn, wav, FreePorts.one());
        Baresip b = new Baresip(dir.resolve("b"), "callee", portOff, wav, FreePorts.one());
        BaresipControl controlA = a.start(Duration.ofSeconds(90));
        BaresipControl controlB = b.start(Duration.ofSeconds(90))) {
      dialOut(outboundTrunk("on", portOn), "out-krisp-on", true);
      controlA.awaitEvent("CALL_INCOMING", Duration.ofSeconds(15));
      dialOut(outboundTrunk("off", portOff), "out-krisp-off", false);
      controlB.awaitEvent("CALL_INCOMING", Duration.ofSeconds(15));
      int answeredAt = Math.max(cleanEar.millis(), plainEar.millis());
      controlA.command("accept", "");
      controlB.command("accept", "");
      // The callee plays the noisy caller from the answer: wait for all of it, plus a margin.
      cleanEar.awaitMillis(answeredAt + caller.millis() + 2000);
      plainEar.awaitMillis(answeredAt + caller.millis() + 2000);
      controlA.command("quit", "");
      controlB.command("quit", "");
      assertCleaned("outbound", cleanEar.samples(), plainEar.samples(), a.log());
    }
  }

  private void assertCleaned(String direction, short[] cleaned, short[] plain, String log) {
    NoisySpeech.Levels source = caller.source();
    NoisySpeech.Levels on = caller.judge(cleaned);
    NoisySpeech.Levels off = caller.judge(plain);
    System.out.printf("%s krisp_enabled: source %s%n  without: %s%n  with:    %s%n"
            + "  noise %.1f dB lower, speech %.1f dB lower%n",
        direction, source, off, on, off.noise() - on.noise(), off.speech() - on.speech());
    assertTrue(off.noise() > source.noise() - 3,
        "the baseline room should hear the caller's noise as sent: " + off + " vs source " + source + "\n" + log);
    assertTrue(on.noise() <= off.noise() - 10,
        "noise-only stretches should be 10 dB quieter with krisp_enabled: " + on + " vs " + off);
    assertTrue(on.speech() >= off.speech() - 6,
        "speech should keep its energy (within 6 dB): " + on + " vs " + off);
  }

  private RoomRecorder recorder(String room) {
    return new RoomRecorder(server.server().rooms().getOrCreate(room, RoomOptions.UNSET));
  }

  /** An inbound trunk for {@code number} with a direct rule into {@code room}; returns the number. */
  private String inboundTrunk(String number, String room, boolean krisp) throws Exception {
    String trunkId = JsonTwirp.post(server.url(), "CreateSIPInboundTrunk",
        "{\"trunk\":{\"name\":\"" + room + "\",\"numbers\":[\"" + number + "\"],"
            + "\"allowed_addresses\":[\"127.0.0.1/32\"],\"krisp_enabled\":" + krisp + "}}")
        .get("sip_trunk_id").asText();
    JsonTwirp.post(server.url(), "CreateSIPDispatchRule",
        "{\"trunk_ids\":[\"" + trunkId + "\"],\"rule\":{\"dispatch_rule_direct\":{\"room_name\":\"" + room + "\"}}}");
    return number;
  }

  private String outboundTrunk(String name, int phonePort) throws Exception {
    return JsonTwirp.post(server.url(), "CreateSIPOutboundTrunk",
        "{\"trunk\":{\"name\":\"" + name + "\",\"address\":\"127.0.0.1:" + phonePort + "\","
            + "\"numbers\":[\"+15105550100\"]}}")
        .get("sip_trunk_id").asText();
  }

  private void dialOut(String trunkId, String room, boolean krisp) throws Exception {
    JsonTwirp.post(server.url(), "CreateSIPParticipant",
        "{\"sip_trunk_id\":\"" + trunkId + "\",\"sip_call_to\":\"callee\",\"room_name\":\"" + room + "\","
            + "\"participant_identity\":\"callee\",\"krisp_enabled\":" + krisp + "}");
  }
}
