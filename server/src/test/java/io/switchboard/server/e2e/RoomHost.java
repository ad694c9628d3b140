package io.switchboard.server.e2e;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Someone already in the room, in this process: plays a steady tone into the room and counts
 * the 20 ms frames in which it hears a given tone from the others.
 */
final class RoomHost implements AutoCloseable {
  private static final int RATE = 8000;

  private final LocalParticipant participant;
  private final Listener listener;

  private RoomHost(LocalParticipant participant, Listener listener) {
    this.participant = participant;
    this.listener = listener;
  }

  /**
   * @param plays the tone the host plays into the room
   * @param listensFor the tone the host counts in what it hears
   * @param frames how many frames of it {@link #awaitHeard} waits for
   */
  static RoomHost join(RoomManager rooms, String room, double plays, double listensFor, int frames) {
    Listener listener = new Listener(listensFor, frames);
    LocalParticipant p =
        rooms.getOrCreate(room, RoomOptions.UNSET)
            .join(new ParticipantSpec("host", "Host", ParticipantKind.STANDARD, "", Map.of()), ParticipantListener.NONE);
    p.publishAudio("tone", new Tone(plays));
    p.subscribeMix(listener);
    return new RoomHost(p, listener);
  }

  /** Waits until the host has heard its tone in the agreed number of frames. */
  boolean awaitHeard(Duration timeout) throws InterruptedException {
    return listener.enough.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  int framesHeard() {
    return listener.heard.get();
  }

  @Override
  public void close() {
    participant.leave(DisconnectReason.CLIENT_INITIATED);
  }

  /** A continuous tone; the frequency fits a whole number of periods in a frame, so every frame is alike. */
  private static final class Tone implements AudioSource {
    private final short[] frame;

    Tone(double frequency) {
      int length = PcmFrame.samplesPerFrame(RATE);
      if ((frequency * length / RATE) % 1 != 0) {
        throw new IllegalArgumentException(frequency + " Hz does not repeat every 20 ms");
      }
      frame = ToneGenerator.tone(frequency, 8000, RATE, length);
    }

    @Override
    public int sampleRate() {
      return RATE;
    }

    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(RATE);
      System.arraycopy(frame, 0, into.samples(), 0, frame.length);
      return true;
    }
  }

  private static final class Listener implements AudioSink {
    private final double frequency;
    private final CountDownLatch enough;
    private final AtomicInteger heard = new AtomicInteger();

    Listener(double frequency, int frames) {
      this.frequency = frequency;
      this.enough = new CountDownLatch(frames);
    }

    @Override
    public int sampleRate() {
      return RATE;
    }

    @Override
    public void write(PcmFrame frame) {
      if (Goertzel.amplitude(frame.samples(), 0, frame.length(), frame.sampleRate(), frequency) > 2000) {
        heard.incrementAndGet();
        enough.countDown();
      }
    }
  }
}
