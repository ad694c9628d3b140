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
import java.util.function.BooleanSupplier;

/**
 * Someone in the room who speaks a tone and listens. The room's mix never returns one's own
 * voice, so the tone is heard only if it went out over the caller's RTP leg, was echoed by
 * SIPp ({@code -rtp_echo}) and came back in as the caller's track: both directions of the leg,
 * through the codec, measured with a Goertzel filter per 20 ms frame.
 */
final class EchoProbe implements AudioSink, AutoCloseable {
  static final double TONE_HZ = 1000;
  private static final int RATE = 8000;
  /** ~8000 amplitude sent; through G.711 twice it comes back near that. */
  private static final double HEARD = 2000;
  private static final double QUIET = 200;
  private static final int FRAMES_TO_HEAR = 10;
  private static final int FRAMES_OF_QUIET = 25;
  private static final Duration DEADLINE = Duration.ofSeconds(30); // a bound for a busy machine, not a wait

  private final LocalParticipant participant;
  private int toneRun;
  private int quietRun;
  private long frames;

  EchoProbe(Room room) {
    participant = room.join(
        new ParticipantSpec("echo-probe", "Echo probe", ParticipantKind.STANDARD, "", null),
        ParticipantListener.NONE);
    participant.publishAudio("tone", new ToneGenerator(TONE_HZ, 8000, RATE));
    participant.subscribeMix(this);
  }

  @Override
  public int sampleRate() {
    return RATE;
  }

  @Override
  public synchronized void write(PcmFrame frame) {
    double amplitude = Goertzel.amplitude(frame.samples(), 0, frame.length(), RATE, TONE_HZ);
    frames++;
    toneRun = amplitude > HEARD ? toneRun + 1 : 0;
    quietRun = amplitude < QUIET ? quietRun + 1 : 0;
    notifyAll();
  }

  /** Waits until the tone has come back for 200 ms in a row. */
  synchronized void awaitHearing() throws InterruptedException {
    await(() -> toneRun >= FRAMES_TO_HEAR, "the tone echoed back by the caller");
  }

  /** Waits until nothing of the tone has come back for 500 ms in a row. */
  synchronized void awaitSilence() throws InterruptedException {
    await(() -> quietRun >= FRAMES_OF_QUIET, "the echoed tone to stop");
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("gave up waiting for " + what + " after " + frames + " frames (tone run "
            + toneRun + ", quiet run " + quietRun + ")");
      }
      wait(Math.max(1, left / 1_000_000)); // woken by every frame
    }
  }

  @Override
  public void close() {
    participant.leave(DisconnectReason.CLIENT_INITIATED);
  }
}
