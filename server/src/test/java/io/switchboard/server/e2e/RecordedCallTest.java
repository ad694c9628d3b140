package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.AudioMixing;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.EgressServiceClient;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.EncodedFileType;
import livekit.LivekitEgress.EncodingOptionsPreset;
import livekit.LivekitEgress.FileInfo;
import livekit.LivekitEgress.RoomCompositeEgressRequest;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitRoom.RoomEgress;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real phones (baresip) talk in one room, each with its own tone, while LiveKit's Java SDK
 * records the room three ways: a mono Ogg Opus mix, a stereo Ogg Opus (caller left, the other
 * right) and a stereo WAV. After hang-up every file plays in FFmpeg, lasts as long as the
 * recording ran, and holds both tones where they belong.
 */
class RecordedCallTest {
  private static final int RATE = 8000;
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;
  private static final String NUMBER = "+15550123";

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    assumeTrue(Decoder.installed() || System.getenv("CI") != null, "ffmpeg is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aRecordedCallHoldsBothVoicesForAsLongAsItRan() throws Exception {
    provision();
    EgressServiceClient egress =
        EgressServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    String uri = "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), tone(TONE_A, "a.wav"));
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), tone(TONE_B, "b.wav"))) {
      a.dial(uri, Duration.ofSeconds(9));
      awaitParticipants(1);
      b.dial(uri, Duration.ofSeconds(8));
      awaitParticipants(2);

      EgressInfo mix = ok(egress.startRoomCompositeEgress("lobby", file("calls/{room_name}-mix.ogg", EncodedFileType.OGG),
          "", EncodingOptionsPreset.H264_720P_30, null, true, false, "", AudioMixing.DEFAULT_MIXING).execute());
      EgressInfo split = ok(egress.startRoomCompositeEgress("lobby", file("calls/{room_name}-split.ogg", EncodedFileType.DEFAULT_FILETYPE),
          "", EncodingOptionsPreset.H264_720P_30, null, true, false, "", AudioMixing.DUAL_CHANNEL_ALTERNATE).execute());
      EgressInfo wav = ok(egress.startRoomCompositeEgress("lobby", file("calls/{room_name}-split.wav", EncodedFileType.DEFAULT_FILETYPE),
          "", EncodingOptionsPreset.H264_720P_30, null, true, false, "", AudioMixing.DUAL_CHANNEL_ALTERNATE).execute());
      assertEquals(EgressStatus.EGRESS_ACTIVE, mix.getStatus(), mix.getError());
      assertEquals(3, ok(egress.listEgress("lobby", null, true).execute()).size(), "three recordings running");

      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "bob's phone did not finish");
    }

    WavFile mono = assertRecorded(egress, mix(egress, "calls/lobby-mix.ogg"), 1);
    assertTrue(amplitude(mono.samples(), mono.sampleRate(), TONE_A) > 1500, "alice's tone is in the mix");
    assertTrue(amplitude(mono.samples(), mono.sampleRate(), TONE_B) > 1500, "bob's tone is in the mix");
    for (String name : List.of("calls/lobby-split.ogg", "calls/lobby-split.wav")) {
      WavFile stereo = assertRecorded(egress, mix(egress, name), 2);
      short[] left = stereo.channel(0);
      short[] right = stereo.channel(1);
      assertTrue(db(left, TONE_A, TONE_B) > 30, name + ": the caller (alice) alone on the left");
      assertTrue(db(right, TONE_B, TONE_A) > 30, name + ": bob alone on the right");
    }
  }

  /**
   * A dispatch rule with {@code room_config.egress.room} records its calls with no API call: two
   * callers routed to one room give one stereo recording, the first caller on the left.
   */
  @Test
  void aDispatchRuleRecordsTheCallsItRoutes() throws Exception {
    RoomCompositeEgressRequest recording = RoomCompositeEgressRequest.newBuilder()
        .setAudioMixing(livekit.LivekitEgress.AudioMixing.DUAL_CHANNEL_ALTERNATE)
        .addFileOutputs(file("auto/{room_name}.ogg", EncodedFileType.OGG))
        .build();
    provision(RoomConfiguration.newBuilder().setEgress(RoomEgress.newBuilder().setRoom(recording)).build());
    EgressServiceClient egress =
        EgressServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    String uri = "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), tone(TONE_A, "a.wav"));
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), tone(TONE_B, "b.wav"))) {
      a.dial(uri, Duration.ofSeconds(8));
      awaitParticipants(1);
      b.dial(uri, Duration.ofSeconds(6));
      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "bob's phone did not finish");
    }
    EgressInfo info = mix(egress, "auto/lobby.ogg");
    assertEquals(1, ok(egress.listEgress("lobby", null, false).execute()).size(), "one recording for the room");
    assertTrue(info.getRoomComposite().getAudioOnly());
    WavFile stereo = assertRecorded(egress, info, 2);
    assertTrue(db(stereo.channel(0), TONE_A, TONE_B) > 30, "the first caller (alice) alone on the left");
    assertTrue(db(stereo.channel(1), TONE_B, TONE_A) > 30, "bob alone on the right");
  }

  private EgressInfo mix(EgressServiceClient egress, String filename) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<EgressInfo> all = ok(egress.listEgress("lobby", null, false).execute());
      for (EgressInfo i : all) {
        if (i.getFileResults(0).getFilename().equals(filename) && i.getStatus() == EgressStatus.EGRESS_COMPLETE) {
          return i;
        }
      }
      assertTrue(System.nanoTime() < deadline, "no complete recording " + filename + " in " + all);
      Thread.sleep(100);
    }
  }

  /** The file plays, and lasts as long as the recording ran (started_at to ended_at) within 100 ms. */
  private static WavFile assertRecorded(EgressServiceClient egress, EgressInfo info, int channels) throws Exception {
    FileInfo file = info.getFileResults(0);
    Path local = Path.of(file.getLocation());
    assertTrue(Files.isRegularFile(local), "the file is where EgressInfo says: " + local);
    assertEquals(Files.size(local), file.getSize(), "reported size");
    WavFile played = Decoder.decode(local);
    assertEquals(channels, played.channels());
    double ran = (info.getEndedAt() - info.getStartedAt()) / 1e9;
    assertTrue(ran > 3 && ran < 10, "the recording ran while the phones were up: " + ran + " s");
    assertEquals(ran, played.durationSeconds(), 0.1, "file length against recording time for " + file.getFilename());
    assertEquals(file.getDuration() / 1e9, played.durationSeconds(), 0.03, "reported duration");
    return played;
  }

  private static double amplitude(short[] s, int rate, double f) {
    return Goertzel.amplitude(s, rate / 2, 2 * rate, rate, f);
  }

  /**
   * {@code wanted} against {@code other} over 2 s from half a second after {@code wanted} came:
   * a caller who dials once the first is in may reach the recording a few seconds in on a busy
   * machine.
   */
  private static double db(short[] s, double wanted, double other) {
    int rate = 48_000;
    int from = new Heard(WavFile.mono(rate, s)).settledMillisOf(wanted, 500) * rate / 1000;
    int length = Math.max(0, Math.min(2 * rate, s.length - from));
    assertTrue(length >= rate / 2, "too little recording after " + wanted + " Hz came: " + s.length + " samples");
    return 20 * Math.log10(Goertzel.amplitude(s, from, length, rate, wanted)
        / Math.max(1, Goertzel.amplitude(s, from, length, rate, other)));
  }

  private static EncodedFileOutput file(String path, EncodedFileType type) {
    return EncodedFileOutput.newBuilder().setFilepath(path).setFileType(type).build();
  }

  private void provision() throws Exception {
    provision(null);
  }

  private void provision(RoomConfiguration roomConfig) throws Exception {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    if (roomConfig != null) {
      ruleOptions.setRoomConfig(roomConfig);
    }
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("lobby", ""), ruleOptions).execute());
  }

  private void awaitParticipants(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (server.server().rooms().room("lobby").map(r -> r.participants().size()).orElse(0) < count) {
      assertTrue(System.nanoTime() < deadline, "nobody joined the room");
      Thread.sleep(50);
    }
  }

  private Path tone(double frequency, String name) {
    Path path = dir.resolve(name);
    WavFile.mono(RATE, ToneGenerator.tone(frequency, 8000, RATE, RATE * 20)).write(path);
    return path;
  }
}
