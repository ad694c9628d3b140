package io.switchboard.bench.jmh;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One 20 ms room tick (mix-minus for every participant) through the public room API: N
 * participants each publish an 8 kHz track (a phone) from memory and subscribe to the mix at
 * {@code subscriberRate}. At 48000 every track is also upsampled once per tick, as for WebRTC
 * or agent listeners. The media clock is not started: the benchmark calls {@link Room#tick()}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoomTickBenchmark {
  @Param({"2", "5", "10", "50"})
  public int participants;

  @Param({"8000", "48000"})
  public int subscriberRate;

  private ScheduledExecutorService unusedScheduler;
  private RoomManager rooms;
  private Room room;
  private final List<LocalParticipant> joined = new ArrayList<>();
  private final List<CountingSink> sinks = new ArrayList<>();

  @Setup
  public void setUp() {
    unusedScheduler = Executors.newSingleThreadScheduledExecutor();
    rooms = new RoomManager(
        Clock.systemUTC(), unusedScheduler, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(7));
    room = rooms.getOrCreate("bench", RoomOptions.UNSET);
    for (int i = 0; i < participants; i++) {
      LocalParticipant p = room.join(
          new ParticipantSpec("caller-" + i, "", ParticipantKind.SIP, "", null), ParticipantListener.NONE);
      p.publishAudio("phone", new ToneSource(8000, i));
      CountingSink sink = new CountingSink(subscriberRate);
      p.subscribeMix(sink);
      joined.add(p);
      sinks.add(sink);
    }
    for (int i = 0; i < 10; i++) {
      room.tick(); // create every per-rate converter and total before measuring
    }
  }

  @TearDown
  public void tearDown() {
    for (LocalParticipant p : joined) {
      p.leave(DisconnectReason.CLIENT_INITIATED);
    }
    rooms.close();
    unusedScheduler.shutdownNow();
    long frames = sinks.stream().mapToLong(s -> s.frames).sum();
    if (frames == 0) {
      throw new IllegalStateException("the mixer delivered no frames: the benchmark measured nothing");
    }
  }

  @Benchmark
  public void tick() {
    room.tick();
  }

  /** A participant's microphone: a fixed speech-like frame, copied out every tick. */
  private static final class ToneSource implements AudioSource {
    private final PcmFrame frame;

    ToneSource(int rate, long seed) {
      this.frame = Signals.frame(rate, seed);
    }

    @Override
    public int sampleRate() {
      return frame.sampleRate();
    }

    @Override
    public boolean read(PcmFrame into) {
      into.copyFrom(frame);
      return true;
    }
  }

  /** A participant's speaker: counts frames and folds one sample in so the mix is consumed. */
  private static final class CountingSink implements AudioSink {
    private final int rate;
    long frames;
    long checksum;

    CountingSink(int rate) {
      this.rate = rate;
    }

    @Override
    public int sampleRate() {
      return rate;
    }

    @Override
    public void write(PcmFrame frame) {
      frames++;
      checksum += frame.samples()[frame.length() / 2];
    }
  }
}
