package io.switchboard.egress.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.switchboard.egress.Ffmpeg;
import io.switchboard.egress.ogg.OggRepair;
import io.switchboard.egress.wav.WavRepair;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.testing.AllocationMeter;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.RoomAudioTap;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings written through the tap, read back by FFmpeg's own Opus decoder and a WAV reader. */
class RecorderTest {
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;
  private static OpusRuntime opus;

  @TempDir Path dir;
  private long now;

  @BeforeAll
  static void load() {
    opus = OpusRuntime.load();
  }

  private final ToneGenerator a = new ToneGenerator(TONE_A, 8000, 48_000);
  private final ToneGenerator b = new ToneGenerator(TONE_B, 8000, 48_000);
  private final PcmFrame frameA = new PcmFrame(48_000);
  private final PcmFrame frameB = new PcmFrame(48_000);

  /** One room tick: participant PA_a says tone A on TR_a, PA_b says tone B on TR_b. */
  private void tick(RoomAudioTap tap) {
    a.fill(frameA.samples(), 0, 960);
    b.fill(frameB.samples(), 0, 960);
    tap.onTrack("PA_a", "TR_a", frameA);
    tap.onTrack("PA_b", "TR_b", frameB);
    tap.onTickEnd();
    now += 20_000_000L;
  }

  private Recorder record(String name, RecordingFormat format, ChannelMap map, int frames) throws Exception {
    Recorder r = Recorder.open(dir.resolve(name), format, map, opus, "test", () -> now);
    for (int i = 0; i < frames; i++) {
      tick(r.tap());
      if (i % 10 == 9) {
        r.drain();
      }
    }
    return r;
  }

  private static double db(short[] s, int rate, double wanted, double other) {
    int from = rate / 5;
    int length = s.length - 2 * from;
    return 20 * Math.log10(Goertzel.amplitude(s, from, length, rate, wanted)
        / Math.max(1, Goertzel.amplitude(s, from, length, rate, other)));
  }

  @Test
  void monoOggHasEveryonesToneAndTheExactLength() throws Exception {
    assumeTrue(Ffmpeg.installed(), "ffmpeg is not installed");
    Recorder r = record("mix.ogg", RecordingFormat.OGG, ChannelMap.everyone(), 150);
    r.finish(now);
    assertEquals(3_000_000_000L, r.durationNanos());
    WavFile heard = Ffmpeg.decode(r.file());
    assertEquals(1, heard.channels());
    assertEquals(48_000 * 3, heard.frames(), "pre-skip and end trimming leave exactly 3 s");
    short[] s = heard.samples();
    assertTrue(Goertzel.amplitude(s, 9600, 96_000, 48_000, TONE_A) > 5000, "tone A");
    assertTrue(Goertzel.amplitude(s, 9600, 96_000, 48_000, TONE_B) > 5000, "tone B");
  }

  @Test
  void stereoOggPutsTheCallerLeftAndEveryoneElseRight() throws Exception {
    assumeTrue(Ffmpeg.installed(), "ffmpeg is not installed");
    ChannelMap split = ChannelMap.split();
    split.setLeft(Set.of("PA_a"));
    Recorder r = record("split.ogg", RecordingFormat.OGG, split, 100);
    r.finish(now);
    WavFile heard = Ffmpeg.decode(r.file());
    assertEquals(2, heard.channels());
    assertTrue(db(heard.channel(0), 48_000, TONE_A, TONE_B) > 30, "left is the caller's tone alone");
    assertTrue(db(heard.channel(1), 48_000, TONE_B, TONE_A) > 30, "right is the other tone alone");
  }

  @Test
  void wavIsExactPcm() throws Exception {
    ChannelMap split = ChannelMap.split();
    split.setLeft(Set.of("PA_b"));
    Recorder r = record("split.wav", RecordingFormat.WAV, split, 50);
    r.finish(now);
    WavFile wav = WavFile.read(r.file());
    assertEquals(48_000, wav.sampleRate());
    assertEquals(48_000, wav.frames(), "one second");
    short[] expectedRight = ToneGenerator.tone(TONE_A, 8000, 48_000, 48_000);
    assertEquals(expectedRight[123], wav.channel(1)[123]);
    assertTrue(db(wav.channel(0), 48_000, TONE_B, TONE_A) > 60);
    assertEquals(44 + 48_000 * 4, Files.size(r.file()));
    assertEquals(Files.size(r.file()), r.size());
  }

  @Test
  void participantAndTrackRecordingsTakeOnlyTheirAudio() throws Exception {
    ChannelMap one = ChannelMap.participant();
    Recorder before = record("nobody.wav", RecordingFormat.WAV, one, 5);
    before.finish(now);
    short[] silent = WavFile.read(before.file()).samples();
    assertEquals(0, Goertzel.amplitude(silent, 0, silent.length, 48_000, TONE_A), 1e-9,
        "silence until the participant is known");

    one.setParticipant("PA_b");
    Recorder bOnly = record("b.wav", RecordingFormat.WAV, one, 50);
    bOnly.finish(now);
    assertTrue(db(WavFile.read(bOnly.file()).samples(), 48_000, TONE_B, TONE_A) > 60);

    Recorder aTrack = record("a.wav", RecordingFormat.WAV, ChannelMap.track("TR_a"), 50);
    aTrack.finish(now);
    assertTrue(db(WavFile.read(aTrack.file()).samples(), 48_000, TONE_A, TONE_B) > 60);
  }

  @Test
  void skippedRoomTicksBecomeSilenceSoFileTimeIsCallTime() throws Exception {
    Recorder r = Recorder.open(dir.resolve("gap.wav"), RecordingFormat.WAV, ChannelMap.everyone(), opus, "t", () -> now);
    for (int i = 0; i < 10; i++) {
      tick(r.tap());
    }
    now += 400_000_000L; // the room's media thread was stuck for 400 ms
    for (int i = 0; i < 10; i++) {
      tick(r.tap());
    }
    r.finish(now);
    long callMillis = 20 * 20 + 400;
    assertTrue(Math.abs(r.durationNanos() / 1_000_000 - callMillis) <= 60, "duration " + r.durationNanos());
  }

  @Test
  void aBurstOfCatchUpTicksIsNotRecordedTwice() throws Exception {
    Recorder r = Recorder.open(dir.resolve("burst.wav"), RecordingFormat.WAV, ChannelMap.everyone(), opus, "t", () -> now);
    for (int i = 0; i < 10; i++) {
      tick(r.tap());
    }
    long stuckAt = now;
    for (int i = 0; i < 10; i++) { // the media clock fires ten late ticks back to back
      tick(r.tap());
      now = stuckAt;
    }
    r.finish(now);
    assertTrue(Math.abs(r.durationNanos() / 1_000_000 - 200) <= 60, "duration " + r.durationNanos());
  }

  @Test
  void audioLostToAStarvedWriterBecomesSilenceInItsPlace() throws Exception {
    Recorder r = Recorder.open(dir.resolve("starved.wav"), RecordingFormat.WAV, ChannelMap.everyone(), opus, "t", () -> now);
    for (int i = 0; i < 300; i++) { // 6 s with no drain: the 256-frame ring overflows
      tick(r.tap());
    }
    assertEquals(44, r.droppedFrames());
    r.finish(now);
    assertEquals(6_000_000_000L, r.durationNanos());
    short[] s = WavFile.read(r.file()).samples();
    assertTrue(Goertzel.amplitude(s, 0, 48_000, 48_000, TONE_A) > 5000, "the first 5 s kept their audio");
    assertEquals(0, Goertzel.amplitude(s, s.length - 960 * 40, 960 * 40, 48_000, TONE_A), 1e-9, "the lost end is silent");
  }

  @Test
  void theFileLastsUntilTheRecorderCameOffTheRoom() throws Exception {
    Recorder r = Recorder.open(dir.resolve("end.wav"), RecordingFormat.WAV, ChannelMap.everyone(), opus, "t", () -> now);
    for (int i = 0; i < 10; i++) {
      tick(r.tap());
    }
    r.finish(now + 100_000_000L); // taken off 100 ms after the last tick it saw
    assertEquals(300_000_000L, r.durationNanos());
    assertEquals(14_400, WavFile.read(r.file()).frames());
  }

  @Test
  void aKilledOggRecordingPlaysUpToItsLastPageOnceRepaired() throws Exception {
    assumeTrue(Ffmpeg.installed(), "ffmpeg is not installed");
    Recorder r = record("live.ogg", RecordingFormat.OGG, ChannelMap.everyone(), 100); // drained every 200 ms
    tick(r.tap()); // gathered but never written: lost with the process
    Path left = dir.resolve("left-behind.ogg");
    Files.copy(r.file(), left);
    try (FileChannel ch = FileChannel.open(left, StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - 7); // the kill tore the last page
    }
    OggRepair.Result repaired = OggRepair.finish(left);
    WavFile heard = Ffmpeg.decode(left);
    double seconds = heard.durationSeconds();
    assertTrue(seconds > 1.7 && seconds < 1.81, "1.8 s minus the torn page, got " + seconds);
    assertEquals(heard.frames(), repaired.samples(), "repair reports what plays");
    assertTrue(Goertzel.amplitude(heard.samples(), 9600, 48_000, 48_000, TONE_A) > 5000);
    r.abandon();
  }

  @Test
  void aKilledWavRecordingPlaysUpToItsLastCheckpoint() throws Exception {
    Recorder r = record("live.wav", RecordingFormat.WAV, ChannelMap.everyone(), 100);
    Path left = dir.resolve("left-behind.wav");
    Files.copy(r.file(), left);
    assertEquals(96_000, WavFile.read(left).frames(), "header sizes are current after each drain");
    try (FileChannel ch = FileChannel.open(left, StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {1}), ch.size()); // a torn sample
    }
    WavRepair.Result repaired = WavRepair.finish(left);
    assertEquals(2_000_000_000L, repaired.durationNanos());
    assertEquals(96_000, WavFile.read(left).frames());
    r.abandon();
  }

  @Test
  void theTapAllocatesNothingPerTick() throws Exception {
    Recorder r = Recorder.open(dir.resolve("tap.ogg"), RecordingFormat.OGG, ChannelMap.split(), opus, "t", () -> now);
    RoomAudioTap tap = r.tap();
    // Nothing drains the ring, so most of these ticks take the full-ring path, the rest the copy path.
    long bytes = new AllocationMeter().bytesAllocated(5000, 10_000, () -> tick(tap));
    assertTrue(bytes < 10_000, "the media-thread tap allocated " + bytes + " bytes over 10000 ticks");
    r.abandon();
  }

  @Test
  void theWriterAllocatesNothingPerFrame() throws Exception {
    Recorder r = Recorder.open(dir.resolve("alloc.ogg"), RecordingFormat.OGG, ChannelMap.split(), opus, "t", () -> now);
    RoomAudioTap tap = r.tap();
    long bytes = new AllocationMeter().bytesAllocated(2000, 10_000, () -> {
      tick(tap);
      if (now % 200_000_000L == 0) {
        try {
          r.drain();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
    assertTrue(bytes < 10_000, "tap and Ogg Opus writer allocated " + bytes + " bytes over 10000 ticks");
    r.abandon();
  }
}
