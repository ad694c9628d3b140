package io.switchboard.media.net;

import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.g711.G711Law;
import io.switchboard.media.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Two legs on loopback wired to each other, with a shared hand-driven clock. */
final class LegPair implements AutoCloseable {
  static final Duration TICK = Duration.ofMillis(20);

  final MutableClock clock = MutableClock.ofEpochMilli(1_700_000_000_000L);
  final ExecutorService executor;
  final BlockingQueue<RtpLegEvent> eventsA = new LinkedBlockingQueue<>();
  final BlockingQueue<RtpLegEvent> eventsB = new LinkedBlockingQueue<>();
  final RtpLeg a;
  final RtpLeg b;

  LegPair(RtpLegConfig config, ExecutorService executor) throws IOException {
    this.executor = executor;
    this.a = RtpLeg.open(config, executor, clock, eventsA::add);
    this.b = RtpLeg.open(config, executor, clock, eventsB::add);
  }

  static LegPair connected(MediaFormat format) throws IOException {
    LegPair pair = new LegPair(defaults(), Executors.newVirtualThreadPerTaskExecutor());
    pair.connect(format);
    return pair;
  }

  static RtpLegConfig defaults() {
    return RtpLegConfig.defaults(InetAddress.getLoopbackAddress());
  }

  void connect(MediaFormat format) {
    a.setRemote(b.localRtpAddress(), b.localRtcpAddress());
    b.setRemote(a.localRtpAddress(), a.localRtcpAddress());
    a.setMediaFormat(format);
    b.setMediaFormat(format);
  }

  /** One media tick: time moves 20 ms, A sends {@code frame}, B receives it and plays a frame. */
  boolean sendAToB(PcmFrame frame, PcmFrame played) {
    clock.advance(TICK);
    long before = b.stats().packetsReceived();
    a.write(frame);
    await(() -> b.stats().packetsReceived() > before, "B to receive A's packet");
    return b.read(played);
  }

  /** Bounded poll on a condition: fails after 10 s, never asserts on timing. */
  static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      LockSupport.parkNanos(100_000);
    }
  }

  static RtpLegEvent next(BlockingQueue<RtpLegEvent> events) throws InterruptedException {
    RtpLegEvent event = events.poll(10, TimeUnit.SECONDS);
    if (event == null) {
      fail("no event within 10 s");
    }
    return event;
  }

  /** One 20 ms frame of a sine at 8 kHz starting at sample {@code start}. */
  static PcmFrame sine(double hz, double amplitude, long start) {
    PcmFrame frame = new PcmFrame(8000);
    for (int i = 0; i < frame.length(); i++) {
      frame.samples()[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (start + i) / 8000));
    }
    return frame;
  }

  /** What a G.711 link must deliver for {@code sent}: each sample companded and expanded. */
  static short[] companded(PcmFrame sent, G711Law law) {
    short[] out = new short[sent.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = law.decode(law.encode(sent.samples()[i]));
    }
    return out;
  }

  @Override
  public void close() {
    a.close();
    b.close();
    executor.shutdown();
  }
}
