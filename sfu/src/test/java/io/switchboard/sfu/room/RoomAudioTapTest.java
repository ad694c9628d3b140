package io.switchboard.sfu.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A recorder's view of a room: every audible track's already-decoded frame, once per tick. */
class RoomAudioTapTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(new MutableClock(), scheduler, Runnable::run, Runnable::run,
          new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(1));

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private record Level(int sampleRate, short value) implements AudioSource {
    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(sampleRate);
      java.util.Arrays.fill(into.samples(), 0, into.length(), value);
      return true;
    }
  }

  /** Keeps, per tick, "participantSid/trackSid=level@length" for every track it was handed. */
  private static class Seen implements RoomAudioTap {
    final List<List<String>> ticks = new ArrayList<>();
    private List<String> current = new ArrayList<>();
    private final int rate;

    Seen(int rate) {
      this.rate = rate;
    }

    @Override
    public int sampleRate() {
      return rate;
    }

    @Override
    public void onTrack(String participantSid, String trackSid, PcmFrame frame) {
      current.add(participantSid + "/" + trackSid + "=" + frame.samples()[frame.length() / 2] + "@" + frame.length());
    }

    @Override
    public void onTickEnd() {
      ticks.add(current);
      current = new ArrayList<>();
    }
  }

  private LocalParticipant publisher(Room room, String identity, int rate, short level) {
    LocalParticipant p =
        room.join(new ParticipantSpec(identity, identity, ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    p.publishAudio("mic", new Level(rate, level));
    return p;
  }

  @Test
  void seesEachAudibleTrackAtItsRateEvenWithNoListeners() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Seen tap = new Seen(8000);
    room.addAudioTap(tap);
    room.tick();
    assertEquals(List.of(List.of()), tap.ticks, "a tick with no tracks still ends");
    LocalParticipant a = publisher(room, "a", 8000, (short) 1000);
    LocalParticipant b = publisher(room, "b", 8000, (short) 2000);
    room.tick();
    String aTrack = a.info().sid() + "/" + a.info().tracks().getFirst().sid();
    String bTrack = b.info().sid() + "/" + b.info().tracks().getFirst().sid();
    assertEquals(List.of(aTrack + "=1000@160", bTrack + "=2000@160"), tap.ticks.getLast());

    b.setMuted(b.info().tracks().getFirst().sid(), true);
    room.tick();
    assertEquals(List.of(aTrack + "=1000@160"), tap.ticks.getLast(), "a muted track is not recorded");
  }

  @Test
  void framesAreConvertedToTheTapsRate() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Seen tap = new Seen(48000);
    room.addAudioTap(tap);
    publisher(room, "a", 8000, (short) 1000);
    for (int i = 0; i < 5; i++) {
      room.tick();
    }
    String seen = tap.ticks.getLast().getFirst();
    assertTrue(seen.endsWith("@960"), "one 20 ms frame at 48 kHz: " + seen);
    int level = Integer.parseInt(seen.substring(seen.indexOf('=') + 1, seen.indexOf('@')));
    assertTrue(Math.abs(level - 1000) < 50, "level survives conversion, got " + level);
  }

  @Test
  void aRemovedTapSeesNothingMore() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Seen tap = new Seen(8000);
    room.addAudioTap(tap);
    room.tick();
    room.removeAudioTap(tap);
    room.tick();
    assertEquals(1, tap.ticks.size());
  }

  @Test
  void aFailingTapIsDroppedAndTheRoomGoesOn() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Seen good = new Seen(8000);
    room.addAudioTap(new Seen(8000) {
      @Override
      public void onTickEnd() {
        throw new IllegalStateException("disk on fire");
      }
    });
    room.addAudioTap(good);
    room.tick();
    room.tick();
    assertEquals(2, good.ticks.size());
  }
}
