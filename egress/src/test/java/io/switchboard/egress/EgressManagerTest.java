package io.switchboard.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.egress.record.RecordingFormat;
import io.switchboard.egress.s3.S3Uploader;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Egresses on a real room ticked by the test: their files, states, events and failures. */
class EgressManagerTest {
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;
  private static OpusRuntime opus;

  @TempDir Path data;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final Clock clock = Clock.fixed(Instant.parse("2026-11-21T08:00:00Z"), ZoneOffset.UTC);
  private final RoomManager rooms = new RoomManager(clock, scheduler, Runnable::run, Runnable::run,
      new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(1));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private long nanoTime;
  private EgressManager egress;

  @BeforeAll
  static void load() {
    opus = OpusRuntime.load();
  }

  @AfterEach
  void stop() {
    if (egress != null) {
      egress.close();
    }
    scheduler.shutdownNow();
  }

  private EgressManager manager() {
    EgressManager m = new EgressManager(rooms,
        new EgressSettings(data.resolve("recordings"), data.resolve("egress"), Optional.empty()), opus, clock,
        () -> nanoTime, scheduler, Runnable::run, Runnable::run, S3Uploader.standard(clock),
        (event, info) -> events.add(event + " " + info.getStatus()), new Ids(new SplittableRandom(2)));
    rooms.addListener(m);
    m.start();
    return m;
  }

  private void talk(Room room, int ticks) {
    for (int i = 0; i < ticks; i++) {
      room.tick();
      nanoTime += 20_000_000L;
    }
    egress.drainAll();
  }

  private FileTarget file(String path) {
    return egress.paths().resolve(path, "DEFAULT_FILETYPE", Map.of("room_name", "call"), clock.instant(), Optional.empty());
  }

  private static double amplitude(short[] s, double f) {
    return Goertzel.amplitude(s, 4800, s.length - 9600, 48_000, f);
  }

  @Test
  void aRoomRecordingHoldsEveryoneAndEndsWhenEveryoneLeaves() throws Exception {
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    LocalParticipant a = TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    LocalParticipant b = TestRoom.phone(room, "bob", ParticipantKind.STANDARD, TONE_B, new TestRoom.Ears());
    EgressInfo started = egress.start(new EgressSource.RoomComposite("call", EgressSource.Mixing.MONO),
        file("calls/{room_name}.wav"), x -> {});
    assertEquals(EgressStatus.EGRESS_ACTIVE, started.getStatus());
    talk(room, 100);
    a.leave(DisconnectReason.CLIENT_INITIATED);
    b.leave(DisconnectReason.CLIENT_INITIATED);

    EgressInfo done = egress.list("call", "", false).getFirst();
    assertEquals(EgressStatus.EGRESS_COMPLETE, done.getStatus(), done.getError());
    assertEquals("everyone left the room", done.getDetails());
    assertEquals(List.of("egress_started EGRESS_STARTING", "egress_updated EGRESS_ACTIVE",
        "egress_updated EGRESS_ENDING", "egress_ended EGRESS_COMPLETE"), events);
    var file = done.getFileResults(0);
    assertEquals("calls/call.wav", file.getFilename());
    assertEquals(2_000_000_000L, file.getDuration());
    Path local = Path.of(file.getLocation());
    assertEquals(Files.size(local), file.getSize());
    WavFile wav = WavFile.read(local);
    assertEquals(2.0, wav.durationSeconds(), 1e-9);
    assertTrue(amplitude(wav.samples(), TONE_A) > 4000 && amplitude(wav.samples(), TONE_B) > 4000, "both tones");
    assertEquals(List.of(), egress.list("", "", true), "nothing active");
  }

  @Test
  void stereoPutsTheSipCallerLeftAndTheOthersRight() throws Exception {
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    TestRoom.phone(room, "agent", ParticipantKind.AGENT, TONE_B, new TestRoom.Ears());
    TestRoom.phone(room, "caller", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    EgressInfo info = egress.start(new EgressSource.RoomComposite("call", EgressSource.Mixing.CALLER_LEFT),
        file("split.wav"), x -> {});
    talk(room, 50);
    EgressInfo done = egress.stop(info.getEgressId());
    WavFile wav = WavFile.read(Path.of(done.getFileResults(0).getLocation()));
    assertEquals(2, wav.channels());
    assertTrue(amplitude(wav.channel(0), TONE_A) > 4000 && amplitude(wav.channel(0), TONE_B) < 40, "left: the caller");
    assertTrue(amplitude(wav.channel(1), TONE_B) > 4000 && amplitude(wav.channel(1), TONE_A) < 40, "right: the agent");
  }

  @Test
  void agentsLeftPutsEveryAgentLeftAndTheCallersRight() throws Exception {
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    TestRoom.phone(room, "caller", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    TestRoom.phone(room, "agent", ParticipantKind.AGENT, TONE_B, new TestRoom.Ears());
    EgressInfo info = egress.start(new EgressSource.RoomComposite("call", EgressSource.Mixing.AGENTS_LEFT),
        file("agents.wav"), x -> {});
    talk(room, 50);
    WavFile wav = WavFile.read(Path.of(egress.stop(info.getEgressId()).getFileResults(0).getLocation()));
    assertTrue(amplitude(wav.channel(0), TONE_B) > 4000 && amplitude(wav.channel(0), TONE_A) < 40, "left: the agent");
    assertTrue(amplitude(wav.channel(1), TONE_A) > 4000 && amplitude(wav.channel(1), TONE_B) < 40, "right: the caller");
  }

  @Test
  void participantAndTrackRecordingsEndWithTheirSource() throws Exception {
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    LocalParticipant a = TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    LocalParticipant b = TestRoom.phone(room, "bob", ParticipantKind.SIP, TONE_B, new TestRoom.Ears());
    String bTrack = b.info().tracks().getFirst().sid();
    EgressInfo alice = egress.start(new EgressSource.Participant("call", "alice"), file("alice.wav"), x -> {});
    EgressInfo bob = egress.start(new EgressSource.Track("call", bTrack), file("bob.wav"), x -> {});
    talk(room, 50);
    b.unpublish(bTrack);
    assertEquals(EgressStatus.EGRESS_COMPLETE, egress.list("", bob.getEgressId(), false).getFirst().getStatus());
    talk(room, 10);
    a.leave(DisconnectReason.CLIENT_INITIATED);
    EgressInfo aliceDone = egress.list("", alice.getEgressId(), false).getFirst();
    assertEquals("the participant left", aliceDone.getDetails());

    short[] onlyAlice = WavFile.read(Path.of(aliceDone.getFileResults(0).getLocation())).samples();
    assertTrue(amplitude(onlyAlice, TONE_A) > 4000 && amplitude(onlyAlice, TONE_B) < 40);
    short[] onlyBob = WavFile.read(data.resolve("recordings/bob.wav")).samples();
    assertTrue(amplitude(onlyBob, TONE_B) > 4000 && amplitude(onlyBob, TONE_A) < 40);
  }

  @Test
  void anUnwritablePathFailsTheEgressNotTheCall() throws Exception {
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    TestRoom.Ears bobHears = new TestRoom.Ears();
    TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    TestRoom.phone(room, "bob", ParticipantKind.SIP, TONE_B, bobHears);
    Files.createDirectories(data.resolve("recordings"));
    Files.writeString(data.resolve("recordings/taken"), "a file, not a directory");
    EgressInfo info = egress.start(new EgressSource.RoomComposite("call", EgressSource.Mixing.MONO),
        file("taken/x.ogg"), x -> {});
    assertEquals(EgressStatus.EGRESS_FAILED, info.getStatus());
    assertTrue(info.getError().startsWith("cannot write the recording to taken/x.ogg: "), info.getError());
    assertTrue(info.getError().endsWith("recordings/taken is in the way: it is not a directory"), info.getError());
    talk(room, 5);
    assertTrue(bobHears.loudest > 7000, "the call goes on");
    assertEquals(List.of("egress_started EGRESS_STARTING", "egress_ended EGRESS_FAILED"), events);
  }

  @Test
  void aFullDiskFailsTheEgressWithTheSystemsReason() throws Exception {
    assertTrue(Files.exists(Path.of("/dev/full")), "Linux's always-full device");
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    Files.createDirectories(data.resolve("recordings"));
    Files.createSymbolicLink(data.resolve("recordings/full.wav"), Path.of("/dev/full"));
    EgressInfo info = egress.start(new EgressSource.RoomComposite("call", EgressSource.Mixing.MONO),
        file("full.wav"), x -> {});
    assertEquals(EgressStatus.EGRESS_FAILED, info.getStatus());
    assertTrue(info.getError().contains("No space left on device"), info.getError());
  }

  @Test
  void aRestartFinishesWhatAKillLeftAndReportsItFailed() throws Exception {
    egress = manager();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    EgressInfo info = egress.start(new EgressSource.RoomComposite("call", EgressSource.Mixing.MONO),
        file("killed.ogg"), x -> {});
    talk(room, 75);
    // The process dies here: nothing is closed. A new server starts over the same data directory.
    EgressManager restarted = manager();
    EgressInfo recovered = restarted.list("", info.getEgressId(), false).getFirst();
    assertEquals(EgressStatus.EGRESS_FAILED, recovered.getStatus());
    assertEquals("server stopped while recording", recovered.getError());
    assertEquals("egress_ended EGRESS_FAILED", events.getLast());
    var file = recovered.getFileResults(0);
    assertEquals(1.5, file.getDuration() / 1e9, 0.01, "what was written before the kill");
    if (Ffmpeg.installed()) {
      WavFile heard = Ffmpeg.decode(Path.of(file.getLocation()));
      assertEquals(1.5, heard.durationSeconds(), 0.01);
      assertTrue(amplitude(heard.samples(), TONE_A) > 4000);
    }
    assertEquals(EgressStatus.EGRESS_FAILED,
        manager().list("", info.getEgressId(), false).getFirst().getStatus(), "stays failed on the next start");
  }

  @Test
  void stopAndListSpeakLiveKitsErrors() {
    egress = manager();
    assertThrows(EgressException.class, () -> egress.stop("EG_nothing"));
    EgressException noRoom = assertThrows(EgressException.class, () ->
        egress.start(new EgressSource.RoomComposite("nowhere", EgressSource.Mixing.MONO), file("x.ogg"), x -> {}));
    assertEquals(EgressException.Kind.NOT_FOUND, noRoom.kind());
    rooms.getOrCreate("call", RoomOptions.UNSET);
    EgressException noTrack = assertThrows(EgressException.class, () ->
        egress.start(new EgressSource.Track("call", "TR_missing"), file("x.ogg"), x -> {}));
    assertTrue(noTrack.getMessage().contains("TR_missing"));
    assertEquals(RecordingFormat.OGG, file("a/b").format());
    assertEquals("a/b.ogg", file("a/b").filename());
    assertEquals("call-2026-11-21T080000.ogg", file("").filename());
    assertThrows(EgressException.class, () -> file("../../etc/passwd"));
  }
}
