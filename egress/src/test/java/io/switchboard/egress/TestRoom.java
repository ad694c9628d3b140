package io.switchboard.egress;

import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import java.util.Map;

/** In-process phones for egress tests: each says one tone at 8 kHz and counts what it hears. */
final class TestRoom {
  private TestRoom() {}

  static final class Tone implements AudioSource {
    private final ToneGenerator tone;

    Tone(double frequency) {
      tone = new ToneGenerator(frequency, 8000, 8000);
    }

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(8000);
      tone.fill(into.samples(), 0, into.length());
      return true;
    }
  }

  /** Remembers the loudest sample of the last frame heard. */
  static final class Ears implements AudioSink {
    volatile int loudest;

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public void write(PcmFrame frame) {
      int max = 0;
      for (int i = 0; i < frame.length(); i++) {
        max = Math.max(max, Math.abs(frame.samples()[i]));
      }
      loudest = max;
    }
  }

  static LocalParticipant phone(Room room, String identity, ParticipantKind kind, double frequency, Ears ears) {
    LocalParticipant p = room.join(new ParticipantSpec(identity, identity, kind, "", Map.of()), ParticipantListener.NONE);
    p.publishAudio("phone", new Tone(frequency));
    p.subscribeMix(ears);
    return p;
  }
}
