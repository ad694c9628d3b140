package io.switchboard.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.egress.api.AutoEgress;
import io.switchboard.egress.api.AutoEgressRequests;
import io.switchboard.egress.s3.S3Uploader;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sfu.room.TrackInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitEgress.AutoParticipantEgress;
import livekit.LivekitEgress.AutoTrackEgress;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitEgress.GCPUpload;
import livekit.LivekitEgress.SegmentedFileOutput;
import livekit.LivekitRoom.RoomEgress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic egress (LiveKit's RoomEgress) on a real room ticked by the test: which participants and
 * tracks it records, their files' names and contents, and what it refuses.
 */
class AutoEgressTest {
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;
  private static OpusRuntime opus;

  @TempDir Path data;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T08:00:00Z"));
  private final RoomManager rooms = new RoomManager(clock, scheduler, Runnable::run, Runnable::run,
      new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(1));
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final Map<String, String> rules = new java.util.concurrent.ConcurrentHashMap<>();
  private long nanoTime;
  private EgressManager egress;
  private AutoEgress auto;

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

  /** A clock the test moves: recordings started later get other {time}s. */
  private static final class SettableClock extends Clock {
    private volatile Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private void start() {
    egress = new EgressManager(rooms,
        new EgressSettings(data.resolve("recordings"), data.resolve("egress"), Optional.empty()), opus, clock,
        () -> nanoTime, scheduler, Runnable::run, Runnable::run, S3Uploader.standard(clock),
        (event, info) -> events.add(event + " " + info.getStatus()), new Ids(new SplittableRandom(2)));
    auto = new AutoEgress(egress, clock, rule -> Optional.ofNullable(rules.get(rule)));
    rooms.addListener(egress);
    rooms.addListener(auto);
    egress.start();
  }

  private void talk(Room room, int ticks) {
    for (int i = 0; i < ticks; i++) {
      room.tick();
      nanoTime += 20_000_000L;
    }
    egress.drainAll();
  }

  private static LocalParticipant join(Room room, String identity, ParticipantKind kind, Map<String, String> attributes) {
    return room.join(new ParticipantSpec(identity, identity, kind, "", attributes), ParticipantListener.NONE);
  }

  private static RoomEgress participants(String filepath) {
    return RoomEgress.newBuilder().setParticipant(AutoParticipantEgress.newBuilder()
        .addFileOutputs(EncodedFileOutput.newBuilder().setFilepath(filepath))).build();
  }

  private List<EgressInfo> recordings(String room) {
    return egress.list(room, "", false);
  }

  private static double amplitude(short[] s, double f) {
    return Goertzel.amplitude(s, 4800, s.length - 9600, 48_000, f);
  }

  private static short[] samples(EgressInfo info) {
    return WavFile.read(Path.of(info.getFileResults(0).getLocation())).samples();
  }

  @Test
  void aTrackPathWithoutTrackIdGetsOneAsLiveKitDoes() {
    assertEquals("{room_name}/{publisher_identity}-{track_id}",
        AutoEgressRequests.trackFilepath("{room_name}/{publisher_identity}"));
    assertEquals("calls/rec-{track_id}.ogg", AutoEgressRequests.trackFilepath("calls/rec.ogg"));
    assertEquals("calls/{track_id}.wav", AutoEgressRequests.trackFilepath("calls/{track_id}.wav"));
    assertEquals("calls/", AutoEgressRequests.trackFilepath("calls/"));
    assertEquals("", AutoEgressRequests.trackFilepath(""));
  }

  @Test
  void eachParticipantGetsItsOwnFileFromItsFirstTrackUntilItLeaves() throws Exception {
    start();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    auto.configure(room.info(), participants("{room_name}/{publisher_identity}-{time}.wav"));
    LocalParticipant alice = TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    alice.publishAudio("second", new TestRoom.Tone(TONE_A)); // a second track: still one recording
    talk(room, 25);
    TestRoom.phone(room, "bob", ParticipantKind.STANDARD, TONE_B, new TestRoom.Ears());
    TestRoom.phone(room, "agent", ParticipantKind.AGENT, TONE_B, new TestRoom.Ears());
    join(room, "recorder", ParticipantKind.EGRESS, Map.of()).publishAudio("x", new TestRoom.Tone(TONE_B));
    talk(room, 50);
    alice.leave(DisconnectReason.CLIENT_INITIATED);

    List<EgressInfo> all = recordings("call");
    assertEquals(List.of("alice", "bob", "agent"), all.stream().map(i -> i.getParticipant().getIdentity()).sorted(
        java.util.Comparator.comparing(List.of("alice", "bob", "agent")::indexOf)).toList(),
        "agents are recorded, the egress participant is not (LiveKit's auto egress)");
    EgressInfo aliceDone = all.stream().filter(i -> i.getParticipant().getIdentity().equals("alice")).findFirst().orElseThrow();
    assertEquals(EgressStatus.EGRESS_COMPLETE, aliceDone.getStatus(), aliceDone.getError());
    assertEquals("call/alice-2026-11-21T080000.wav", aliceDone.getFileResults(0).getFilename());
    assertEquals(1_500_000_000L, aliceDone.getFileResults(0).getDuration(), "75 ticks of 20 ms");
    short[] onlyAlice = samples(aliceDone);
    assertTrue(amplitude(onlyAlice, TONE_A) > 4000 && amplitude(onlyAlice, TONE_B) < 40, "alice's tone, not bob's");

    clock.now = clock.now.plusSeconds(2);
    LocalParticipant back = TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    talk(room, 10);
    back.leave(DisconnectReason.CLIENT_INITIATED);
    List<String> aliceFiles = recordings("call").stream().filter(i -> i.getParticipant().getIdentity().equals("alice"))
        .map(i -> i.getFileResults(0).getFilename()).toList();
    assertEquals(List.of("call/alice-2026-11-21T080000.wav", "call/alice-2026-11-21T080002.wav"), aliceFiles,
        "a participant that comes back is recorded again");
  }

  @Test
  void eachAudioTrackIsRecordedAndAVideoTrackFailsWithTheReason() throws Exception {
    start();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    auto.configure(room.info(), RoomEgress.newBuilder()
        .setTracks(AutoTrackEgress.newBuilder().setFilepath("{room_name}/{publisher_identity}.wav")).build());
    LocalParticipant alice = TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    TestRoom.phone(room, "bob", ParticipantKind.STANDARD, TONE_B, new TestRoom.Ears());
    TrackInfo camera = alice.publishVideo("camera", TrackInfo.TrackSource.CAMERA);
    talk(room, 50);
    String aliceTrack = alice.info().tracks().getFirst().sid();
    alice.unpublish(aliceTrack);

    List<EgressInfo> all = recordings("call");
    assertEquals(3, all.size(), all.toString());
    EgressInfo aliceDone = egress.list("call", "", false).stream()
        .filter(i -> i.getTrack().getTrackId().equals(aliceTrack)).findFirst().orElseThrow();
    assertEquals(EgressStatus.EGRESS_COMPLETE, aliceDone.getStatus());
    assertEquals("call/alice-" + aliceTrack + ".wav", aliceDone.getFileResults(0).getFilename());
    short[] onlyAlice = samples(aliceDone);
    assertTrue(amplitude(onlyAlice, TONE_A) > 4000 && amplitude(onlyAlice, TONE_B) < 40);
    EgressInfo video = all.stream().filter(i -> i.getTrack().getTrackId().equals(camera.sid())).findFirst().orElseThrow();
    assertEquals(EgressStatus.EGRESS_FAILED, video.getStatus());
    assertEquals("automatic egress of track " + camera.sid() + " failed: track " + camera.sid()
        + " of alice is video: this server records audio tracks only", video.getError());
    assertTrue(events.contains("egress_ended EGRESS_FAILED"), events.toString());
  }

  @Test
  void outputsThisServerCannotWriteFailTheEgressNotTheCall() {
    start();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    auto.configure(room.info(), RoomEgress.newBuilder()
        .setParticipant(AutoParticipantEgress.newBuilder().addSegmentOutputs(SegmentedFileOutput.newBuilder().setFilenamePrefix("x")))
        .setTracks(AutoTrackEgress.newBuilder().setFilepath("t").setGcp(GCPUpload.newBuilder().setBucket("b")))
        .build());
    TestRoom.Ears hears = new TestRoom.Ears();
    TestRoom.phone(room, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    TestRoom.phone(room, "bob", ParticipantKind.SIP, TONE_B, hears);
    talk(room, 5);

    List<String> errors = recordings("call").stream().filter(i -> i.getParticipant().getIdentity().equals("alice")
        || i.getTrack().getTrackId().equals(room.participants().getFirst().tracks().getFirst().sid()))
        .map(i -> i.getStatus() + " " + i.getError()).toList();
    assertEquals(List.of(
        "EGRESS_FAILED automatic egress of participant alice failed: only file outputs are supported (no stream, segment or image outputs)",
        "EGRESS_FAILED automatic egress of track " + room.participants().getFirst().tracks().getFirst().sid()
            + " failed: GCP upload is not supported: use s3 (any S3-compatible storage) or none"), errors);
    assertTrue(hears.loudest > 4000, "the call goes on: bob hears alice");
  }

  @Test
  void aDispatchRulesParticipantEgressRecordsTheRoomItRoutesCallsTo() {
    rules.put("SDR_1", "{\"participant\":{\"fileOutputs\":[{\"filepath\":\"{room_name}/{publisher_identity}.wav\"}]}}");
    start();
    Room room = rooms.getOrCreate("call-1", RoomOptions.UNSET);
    join(room, "+15550001", ParticipantKind.SIP, Map.of("sip.ruleID", "SDR_1")).publishAudio("phone", new TestRoom.Tone(TONE_A));
    TestRoom.phone(room, "agent", ParticipantKind.AGENT, TONE_B, new TestRoom.Ears());
    talk(room, 5);
    assertEquals(List.of("call-1/+15550001.wav", "call-1/agent.wav"),
        recordings("call-1").stream().map(i -> i.getFileResults(0).getFilename()).toList());

    Room other = rooms.getOrCreate("no-rule", RoomOptions.UNSET);
    TestRoom.phone(other, "+15550002", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    assertEquals(List.of(), recordings("no-rule"), "a call without a rule's egress is not recorded");
  }

  @Test
  void theConfigurationEndsWithItsRoom() {
    start();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    auto.configure(room.info(), participants("{room_name}/{publisher_identity}.wav"));
    rooms.delete("call");
    Room again = rooms.getOrCreate("call", RoomOptions.UNSET);
    TestRoom.phone(again, "alice", ParticipantKind.SIP, TONE_A, new TestRoom.Ears());
    assertEquals(List.of(), recordings("call"), "a new room of the same name was not configured");
  }

  @Test
  void aRoomEgressStartsWhenTheConfigurationCreatesTheRoom() throws Exception {
    start();
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    auto.configure(room.info(), RoomEgress.newBuilder().setRoom(livekit.LivekitEgress.RoomCompositeEgressRequest.newBuilder()
        .addFileOutputs(EncodedFileOutput.newBuilder().setFilepath("{room_name}.wav"))).build());
    assertEquals(EgressStatus.EGRESS_ACTIVE, recordings("call").getFirst().getStatus());
    LocalParticipant a = TestRoom.phone(room, "alice", ParticipantKind.STANDARD, TONE_A, new TestRoom.Ears());
    LocalParticipant b = TestRoom.phone(room, "bob", ParticipantKind.STANDARD, TONE_B, new TestRoom.Ears());
    talk(room, 50);
    a.leave(DisconnectReason.CLIENT_INITIATED);
    b.leave(DisconnectReason.CLIENT_INITIATED);
    EgressInfo done = recordings("call").getFirst();
    assertEquals(EgressStatus.EGRESS_COMPLETE, done.getStatus(), done.getError());
    assertTrue(done.getRoomComposite().getAudioOnly());
    short[] both = samples(done);
    assertTrue(amplitude(both, TONE_A) > 4000 && amplitude(both, TONE_B) > 4000);
  }
}
