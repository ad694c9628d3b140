package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.AudioMixing;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.EgressServiceClient;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.EncodingOptionsPreset;
import livekit.LivekitEgress.FileInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a server while it records a real call: after a restart on the same data
 * directory the partial Ogg Opus and WAV files play up to the last second written, and ListEgress
 * reports both egresses FAILED with the reason.
 */
class KilledRecordingTest {
  private static final String NUMBER = "+15550177";
  private static final double TONE = 440;
  private static final int SECONDS_BEFORE_KILL = 3;

  @TempDir Path dir;

  @Test
  void aKilledRecordingPlaysAfterRestartAndIsReportedFailed() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    assumeTrue(Decoder.installed() || System.getenv("CI") != null, "ffmpeg is not installed");
    Path data = dir.resolve("data");
    Path config = ServerProcess.config(dir, data);
    Path toneWav = dir.resolve("tone.wav");
    WavFile.mono(8000, ToneGenerator.tone(TONE, 8000, 8000, 8000 * 60)).write(toneWav);

    String mixId;
    String wavId;
    try (ServerProcess first = ServerProcess.start(config, dir.resolve("first.log"));
        Baresip phone = new Baresip(dir.resolve("phone"), "alice", FreePorts.pair(), toneWav)) {
      String url = first.url();
      provision(url);
      phone.dial("sip:" + NUMBER + "@127.0.0.1:" + first.sipPort(), Duration.ofSeconds(60));
      awaitCaller(url);
      EgressServiceClient egress = EgressServiceClient.createClient(url, "devkey", "secret");
      mixId = ok(egress.startRoomCompositeEgress("killed", file("killed.ogg"), "", EncodingOptionsPreset.H264_720P_30,
          null, true, false, "", AudioMixing.DEFAULT_MIXING).execute()).getEgressId();
      wavId = ok(egress.startRoomCompositeEgress("killed", file("killed.wav"), "", EncodingOptionsPreset.H264_720P_30,
          null, true, false, "", AudioMixing.DEFAULT_MIXING).execute()).getEgressId();
      awaitWavBytes(data.resolve("recordings/killed.wav"), 44 + SECONDS_BEFORE_KILL * 96_000L, first);
      first.kill();
    }

    try (ServerProcess second = ServerProcess.start(config, dir.resolve("second.log"))) {
      EgressServiceClient egress = EgressServiceClient.createClient(second.url(), "devkey", "secret");
      for (String id : List.of(mixId, wavId)) {
        List<EgressInfo> found = ok(egress.listEgress(null, id, false).execute());
        assertEquals(1, found.size(), "ListEgress by id " + id);
        EgressInfo info = found.getFirst();
        assertEquals(EgressStatus.EGRESS_FAILED, info.getStatus());
        assertEquals("server stopped while recording", info.getError());
        FileInfo file = info.getFileResults(0);
        WavFile played = Decoder.decode(Path.of(file.getLocation()));
        assertTrue(played.durationSeconds() >= SECONDS_BEFORE_KILL - 1,
            file.getFilename() + " plays up to the last second written: " + played.durationSeconds() + " s");
        assertEquals(file.getDuration() / 1e9, played.durationSeconds(), 0.03, "reported duration of " + file.getFilename());
        assertEquals(Files.size(Path.of(file.getLocation())), file.getSize());
        short[] s = played.samples();
        int rate = played.sampleRate();
        assertTrue(Goertzel.amplitude(s, rate / 2, rate, rate, TONE) > 1500, "the caller's tone in " + file.getFilename());
      }
      assertTrue(ok(egress.listEgress(null, null, true).execute()).isEmpty(), "nothing is left running");
    }
  }

  private static EncodedFileOutput file(String path) {
    return EncodedFileOutput.newBuilder().setFilepath(path).build();
  }

  private static void provision(String url) throws Exception {
    SipServiceClient sip = SipServiceClient.createClient(url, "devkey", "secret");
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("loopback", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect("killed", ""), ruleOptions).execute());
  }

  private static void awaitCaller(String url) throws Exception {
    RoomServiceClient rooms = RoomServiceClient.createClient(url, "devkey", "secret");
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      var r = rooms.listParticipants("killed").execute();
      if (r.isSuccessful() && r.body() != null && !r.body().isEmpty()) {
        return;
      }
      assertTrue(System.nanoTime() < deadline, "the caller never joined the room");
      Thread.sleep(100);
    }
  }

  /** Waits until the server has written {@code bytes} of the WAV recording (about 3 s of audio). */
  private static void awaitWavBytes(Path wav, long bytes, ServerProcess server) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!Files.exists(wav) || Files.size(wav) < bytes) {
      assertTrue(System.nanoTime() < deadline, "the recording did not grow; server log:\n" + server.log());
      Thread.sleep(50);
    }
  }
}
