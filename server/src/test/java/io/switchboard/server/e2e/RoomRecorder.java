package io.switchboard.server.e2e;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.PcmRecorder;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import java.time.Duration;

/** A silent listener in a room that records the mix it hears, at 8 kHz, from when it joins. */
final class RoomRecorder implements AudioSink, AutoCloseable {
  private static final int RATE = 8000;
  private static final Duration DEADLINE = Duration.ofSeconds(60); // a bound for a busy machine, not a wait

  private final LocalParticipant participant;
  private final PcmRecorder recorder = new PcmRecorder(RATE);

  RoomRecorder(Room room) {
    participant = room.join(new ParticipantSpec("recorder", "Recorder", ParticipantKind.STANDARD, "", null),
        ParticipantListener.NONE);
    participant.subscribeMix(this);
  }

  @Override
  public int sampleRate() {
    return RATE;
  }

  @Override
  public synchronized void write(PcmFrame frame) {
    recorder.write(frame);
    notifyAll();
  }

  synchronized int millis() {
    return recorder.length() * 1000 / RATE;
  }

  synchronized short[] samples() {
    return recorder.samples();
  }

  /** Waits until the recording is {@code millis} long. */
  synchronized void awaitMillis(int millis) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (recorder.length() * 1000L / RATE < millis) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the room recording stopped at " + millis() + " ms, short of " + millis);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  @Override
  public void close() {
    participant.leave(DisconnectReason.CLIENT_INITIATED);
  }
}
