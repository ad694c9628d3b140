package io.switchboard.sfu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sfu.webrtc.DownTrack;
import io.switchboard.sfu.webrtc.TrackFanout;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which Opus source a WebRTC subscriber's track comes from. */
class TrackRegistryTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(Clock.systemUTC(), scheduler, Runnable::run, Runnable::run,
          new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(1));
  private final TrackRegistry registry = new TrackRegistry(OpusRuntime.load().codec());

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aClientsTrackIsForwardedFromTheFanoutItAnnouncedBeforePublishing() {
    TrackFanout announced = new TrackFanout();
    registry.expect("PA_web", announced);
    registry.onPublished("PA_phone", "TR_phone"); // another publisher's track takes nothing
    registry.onPublished("PA_web", "TR_web");
    assertSame(announced, registry.fanout(rooms, "r", "TR_web"));
    assertNotSame(announced, registry.fanout(rooms, "r", "TR_phone"));
  }

  @Test
  void aPhoneTrackIsEncodedOnceToOpusForEverySubscriber() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    LocalParticipant phone =
        room.join(new ParticipantSpec("sip_1", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    String track = phone.publishAudio("phone", new Tone()).sid();

    TrackFanout fanout = registry.fanout(rooms, "r", track);
    assertSame(fanout, registry.fanout(rooms, "r", track), "one encoder per track, shared");
    List<byte[]> a = new ArrayList<>(), b = new ArrayList<>();
    fanout.add(new DownTrack(1, 111, (buf, off, len) -> a.add(Arrays.copyOfRange(buf, off, off + len)), (buf, off, len) -> true, "PA_x", Clock.systemUTC()));
    fanout.add(new DownTrack(2, 111, (buf, off, len) -> b.add(Arrays.copyOfRange(buf, off, off + len)), (buf, off, len) -> true, "PA_x", Clock.systemUTC()));
    for (int i = 0; i < 3; i++) {
      room.tick();
    }
    assertEquals(3, a.size(), "one packet per 20 ms tick");
    assertEquals(3, b.size());
    assertEquals(111, a.getFirst()[1] & 0x7F);
    assertTrue(a.getFirst().length > 12 + 10, "an Opus frame of a tone, not empty");
    assertEquals(Arrays.toString(Arrays.copyOfRange(a.get(2), 12, a.get(2).length)),
        Arrays.toString(Arrays.copyOfRange(b.get(2), 12, b.get(2).length)), "the same encoded payload");

    registry.trackGone("r", track, rooms);
    room.tick();
    assertEquals(3, a.size(), "the encoder stops with the track");
  }

  /** 440 Hz at 8 kHz, as a phone leg delivers it. */
  private static final class Tone implements AudioSource {
    private int n;

    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(8000);
      for (int i = 0; i < into.length(); i++, n++) {
        into.samples()[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * n / 8000));
      }
      return true;
    }
  }
}
