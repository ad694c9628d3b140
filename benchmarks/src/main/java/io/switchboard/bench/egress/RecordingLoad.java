package io.switchboard.bench.egress;

import io.switchboard.egress.EgressManager;
import io.switchboard.egress.EgressSettings;
import io.switchboard.egress.EgressSource;
import io.switchboard.egress.FileTarget;
import io.switchboard.egress.s3.S3Uploader;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.sfu.room.Ids;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;

/**
 * Concurrent recordings per core. N rooms of two 8 kHz talkers (what two G.711 callers give the
 * room) run on the server's media clock and pool; the process's CPU is measured for a while with
 * no recording, then with one room-composite recording per room. The difference divided by N is
 * what one recording costs; its inverse is recordings per core.
 *
 * <p>Usage: {@code RecordingLoad <ogg|ogg-stereo|wav> <seconds> <rooms>...}; prints one JSON line
 * per step.
 */
public final class RecordingLoad {
  private RecordingLoad() {}

  public static void main(String[] args) throws Exception {
    String format = args[0];
    int seconds = Integer.parseInt(args[1]);
    OpusRuntime opus = OpusRuntime.load();
    for (int i = 2; i < args.length; i++) {
      step(format, seconds, Integer.parseInt(args[i]), opus);
    }
    System.exit(0);
  }

  private static void step(String format, int seconds, int rooms, OpusRuntime opus) throws Exception {
    Clock clock = Clock.systemUTC();
    ScheduledExecutorService mediaClock = Executors.newSingleThreadScheduledExecutor();
    ExecutorService media = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    ExecutorService events = Executors.newVirtualThreadPerTaskExecutor();
    ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
    ExecutorService writers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    Path dir = Files.createTempDirectory("recording-load");
    RoomManager manager = new RoomManager(clock, mediaClock, media, events,
        new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(1));
    EgressManager egress = new EgressManager(manager,
        new EgressSettings(dir.resolve("rec"), dir.resolve("journal"), Optional.empty()), opus, clock,
        System::nanoTime, writer, writers, events, S3Uploader.standard(clock), (e, i) -> {}, new Ids(new SplittableRandom(2)));
    manager.addListener(egress);
    egress.start();
    manager.start();
    List<Room> all = new ArrayList<>();
    for (int r = 0; r < rooms; r++) {
      Room room = manager.getOrCreate("room-" + r, RoomOptions.UNSET);
      talker(room, "a", 440 + r % 50);
      talker(room, "b", 1000 + r % 50);
      all.add(room);
    }
    Thread.sleep(3000); // JIT warm-up of the rooms
    double base = cpuSeconds(seconds);
    EgressSource.Mixing mixing = format.equals("ogg-stereo") ? EgressSource.Mixing.CALLER_LEFT : EgressSource.Mixing.MONO;
    String extension = format.equals("wav") ? ".wav" : ".ogg";
    List<String> ids = new ArrayList<>();
    long startingAt = System.nanoTime();
    for (Room room : all) {
      FileTarget target = egress.paths().resolve("{room_name}" + extension, "DEFAULT_FILETYPE",
          Map.of("room_name", room.name()), clock.instant(), Optional.empty());
      EgressInfo info = egress.start(new EgressSource.RoomComposite(room.name(), mixing), target, b -> {});
      if (info.getStatus() != EgressStatus.EGRESS_ACTIVE) {
        throw new IllegalStateException("recording did not start: " + info.getError());
      }
      ids.add(info.getEgressId());
    }
    System.err.printf("started %d recordings in %d ms%n", rooms, (System.nanoTime() - startingAt) / 1_000_000);
    Thread.sleep(3000); // JIT warm-up of the recorders
    double recording = cpuSeconds(seconds);
    double worstGapMs = 0;
    long bytes = 0;
    long nanosRecorded = 0;
    for (String id : ids) {
      EgressInfo done = egress.stop(id);
      double ranMs = (done.getEndedAt() - done.getStartedAt()) / 1e6;
      worstGapMs = Math.max(worstGapMs, Math.abs(ranMs - done.getFileResults(0).getDuration() / 1e6));
      bytes += done.getFileResults(0).getSize();
      nanosRecorded += done.getFileResults(0).getDuration();
    }
    double perRecording = (recording - base) / seconds / rooms * 100;
    System.out.printf(
        "{\"format\":\"%s\",\"rooms\":%d,\"seconds\":%d,\"cpu_base_pct\":%.1f,\"cpu_recording_pct\":%.1f,"
            + "\"pct_core_per_recording\":%.3f,\"recordings_per_core\":%.0f,\"worst_file_vs_clock_ms\":%.1f,"
            + "\"kbit_per_s_per_recording\":%.1f,\"lost_ms_per_recording\":%.1f,\"load\":%.2f}%n",
        format, rooms, seconds, base / seconds * 100, recording / seconds * 100, perRecording,
        100 / perRecording, worstGapMs, bytes * 8 / 1000.0 / (nanosRecorded / 1e9), egress.lostFrames() * 20.0 / rooms,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    manager.close();
    egress.close();
    mediaClock.shutdownNow();
    media.shutdownNow();
    writer.shutdownNow();
    writers.shutdownNow();
    events.shutdown();
  }

  /** Process CPU seconds used over the next {@code seconds}. */
  private static double cpuSeconds(int seconds) throws InterruptedException {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long before = os.getProcessCpuTime();
    Thread.sleep(seconds * 1000L);
    return (os.getProcessCpuTime() - before) / 1e9;
  }

  private static void talker(Room room, String identity, double frequency) {
    var p = room.join(new ParticipantSpec(identity, identity, ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    p.publishAudio("phone", new Tone(frequency));
    p.subscribeMix(new Discard());
  }

  /** A continuous 8 kHz tone, as a G.711 caller's decoded audio. */
  private static final class Tone implements AudioSource {
    private final double step;
    private double phase;

    Tone(double frequency) {
      step = 2 * Math.PI * frequency / 8000;
    }

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(8000);
      short[] s = into.samples();
      for (int i = 0; i < into.length(); i++) {
        s[i] = (short) (8000 * Math.sin(phase));
        phase += step;
      }
      phase %= 2 * Math.PI;
      return true;
    }
  }

  private static final class Discard implements AudioSink {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public void write(PcmFrame frame) {}
  }
}
