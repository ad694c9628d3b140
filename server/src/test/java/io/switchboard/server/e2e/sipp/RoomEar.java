package io.switchboard.server.e2e.sipp;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import java.time.Duration;

/**
 * Someone in the room while an outbound call is placed: speaks a 1 kHz tone and listens, per
 * 20 ms frame, for two things the callee's track may carry: the ringback tone (440 + 480 Hz)
 * while ringing, and the 1 kHz tone echoed back by the far end (SIPp's {@code -rtp_echo}), which
 * can only come back through both directions of the call's RTP leg.
 */
final class RoomEar implements AudioSink, AutoCloseable {
  static final double SPOKEN_HZ = 1000;
  static final double RINGBACK_HZ = 440;
  private static final int RATE = 8000;
  private static final double HEARD = 1500;
  private static final int FRAMES_TO_HEAR = 10;
  private static final Duration DEADLINE = Duration.ofSeconds(30); // a bound for a busy machine, not a wait

  private final LocalParticipant participant;
  private int echoRun;
  private int ringbackRun;
  private long frames;

  RoomEar(Room room) {
    participant = room.join(new ParticipantSpec("ear", "Ear", ParticipantKind.STANDARD, "", null),
        ParticipantListener.NONE);
    participant.publishAudio("tone", new ToneGenerator(SPOKEN_HZ, 8000, RATE));
    participant.subscribeMix(this);
  }

  @Override
  public int sampleRate() {
    return RATE;
  }

  @Override
  public synchronized void write(PcmFrame frame) {
    frames++;
    double echo = Goertzel.amplitude(frame.samples(), 0, frame.length(), RATE, SPOKEN_HZ);
    double ringback = Goertzel.amplitude(frame.samples(), 0, frame.length(), RATE, RINGBACK_HZ);
    echoRun = echo > HEARD ? echoRun + 1 : 0;
    ringbackRun = ringback > HEARD ? ringbackRun + 1 : 0;
    notifyAll();
  }

  /** 200 ms of the ringback tone in a row. */
  synchronized void awaitRingback() throws InterruptedException {
    await(() -> ringbackRun >= FRAMES_TO_HEAR, "the ringback tone");
  }

  /** 200 ms of our tone, back from the far end, in a row. */
  synchronized void awaitEcho() throws InterruptedException {
    await(() -> echoRun >= FRAMES_TO_HEAR, "our tone echoed back by the callee");
  }

  synchronized boolean hearsRingback() {
    return ringbackRun > 0;
  }

  private void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("gave up waiting for " + what + " after " + frames + " frames");
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public void close() {
    participant.leave(DisconnectReason.CLIENT_INITIATED);
  }
}
