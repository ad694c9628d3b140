package io.switchboard.sfu.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSink;
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

class RoomTest {
  private static final RoomOptions DEFAULTS =
      new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, "");

  private final MutableClock clock = new MutableClock();
  private final List<RoomEvent> events = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(clock, scheduler, Runnable::run, Runnable::run, DEFAULTS, new SplittableRandom(1));

  RoomTest() {
    rooms.addListener(events::add);
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** A source of a constant level: distinct levels make each participant's share visible. */
  private record Level(int sampleRate, short value) implements AudioSource {
    @Override
    public boolean read(PcmFrame into) {
      into.setSampleRate(sampleRate);
      java.util.Arrays.fill(into.samples(), 0, into.length(), value);
      return true;
    }
  }

  private static final class Capture implements AudioSink {
    final List<short[]> frames = new ArrayList<>();
    private final int rate;

    Capture(int rate) {
      this.rate = rate;
    }

    @Override
    public int sampleRate() {
      return rate;
    }

    @Override
    public void write(PcmFrame frame) {
      frames.add(java.util.Arrays.copyOf(frame.samples(), frame.length()));
    }

    short last() {
      return frames.getLast()[0];
    }
  }

  private LocalParticipant join(Room room, String identity, short level, Capture ears) {
    LocalParticipant p =
        room.join(new ParticipantSpec(identity, identity, ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    p.publishAudio("mic", new Level(8000, level));
    p.subscribeMix(ears);
    return p;
  }

  @Test
  void everyoneHearsEveryoneButThemselves() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Capture a = new Capture(8000), b = new Capture(8000), c = new Capture(8000);
    join(room, "a", (short) 1000, a);
    join(room, "b", (short) 2000, b);
    join(room, "c", (short) 4000, c);
    room.tick();
    assertEquals(6000, a.last());
    assertEquals(5000, b.last());
    assertEquals(3000, c.last());
    assertEquals(160, a.frames.getLast().length, "one 20 ms frame at 8 kHz");
  }

  @Test
  void aLoneParticipantHearsSilenceAndMutedTracksAreNotMixed() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Capture a = new Capture(8000), b = new Capture(8000);
    LocalParticipant pa = join(room, "a", (short) 1000, a);
    room.tick();
    assertEquals(0, a.last());
    join(room, "b", (short) 2000, b);
    pa.setMuted(pa.info().tracks().getFirst().sid(), true);
    room.tick();
    assertEquals(0, b.last(), "a is muted");
    assertEquals(2000, a.last());
  }

  @Test
  void mixesAreClippedNotWrapped() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Capture a = new Capture(8000);
    join(room, "a", (short) 0, a);
    join(room, "b", (short) 30000, new Capture(8000));
    join(room, "c", (short) 30000, new Capture(8000));
    room.tick();
    assertEquals(Short.MAX_VALUE, a.last());
  }

  @Test
  void aTrackTapGetsThatTrackAloneAtItsRateAndSilenceWhileMuted() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    LocalParticipant a = join(room, "a", (short) 1000, new Capture(8000));
    join(room, "b", (short) 2000, new Capture(8000));
    String track = a.info().tracks().getFirst().sid();
    Capture tap = new Capture(48000);
    room.subscribeTrack(track, tap);
    for (int i = 0; i < 5; i++) {
      room.tick();
    }
    assertEquals(960, tap.frames.getLast().length, "one 20 ms frame at 48 kHz");
    short mid = tap.frames.getLast()[480];
    assertTrue(Math.abs(mid - 1000) < 50, "a's level only, not the mix; got " + mid);
    a.setMuted(track, true);
    room.tick();
    assertEquals(0, tap.last());
    room.unsubscribeTrack(track, tap);
    room.tick();
    assertEquals(6, tap.frames.size(), "nothing after unsubscribing");
  }

  @Test
  void aSubscriberAtAnotherRateGetsFramesAtItsRate() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    Capture wide = new Capture(16000);
    join(room, "a", (short) 1000, new Capture(8000));
    LocalParticipant b =
        room.join(new ParticipantSpec("b", "", ParticipantKind.AGENT, "", Map.of()), ParticipantListener.NONE);
    b.subscribeMix(wide);
    for (int i = 0; i < 5; i++) {
      room.tick();
    }
    assertEquals(320, wide.frames.getLast().length);
    short mid = wide.frames.getLast()[160];
    assertTrue(Math.abs(mid - 1000) < 50, "level survives conversion, got " + mid);
  }

  @Test
  void sameIdentityReplacesTheFirstParticipant() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    List<DisconnectReason> told = new ArrayList<>();
    LocalParticipant first =
        room.join(new ParticipantSpec("x", "", ParticipantKind.SIP, "", Map.of()), new ParticipantListener() {
          @Override
          public void onDisconnected(DisconnectReason reason) {
            told.add(reason);
          }
        });
    LocalParticipant second =
        room.join(new ParticipantSpec("x", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    assertEquals(List.of(DisconnectReason.DUPLICATE_IDENTITY), told);
    assertFalse(first.isConnected());
    assertTrue(second.isConnected());
    assertEquals(1, room.participants().size());
  }

  @Test
  void removeTellsTheOwnerAndEmitsEventsInOrder() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    List<DisconnectReason> told = new ArrayList<>();
    LocalParticipant p =
        room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), new ParticipantListener() {
          @Override
          public void onDisconnected(DisconnectReason reason) {
            told.add(reason);
          }
        });
    p.publishAudio("mic", new Level(8000, (short) 1));
    assertTrue(room.remove("caller", DisconnectReason.PARTICIPANT_REMOVED));
    assertEquals(List.of(DisconnectReason.PARTICIPANT_REMOVED), told);
    assertEquals(
        List.of("RoomStarted", "ParticipantJoined", "TrackPublished", "TrackUnpublished", "ParticipantLeft"),
        events.stream().map(e -> e.getClass().getSimpleName()).toList());
    assertFalse(room.remove("caller", DisconnectReason.PARTICIPANT_REMOVED));
  }

  @Test
  void attributesMergeWithEmptyValuesDeletingAndVersionsIncrease() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    LocalParticipant p =
        room.join(
            new ParticipantSpec("p", "", ParticipantKind.SIP, "", Map.of("sip.callStatus", "ringing", "k", "v")),
            ParticipantListener.NONE);
    long v0 = p.info().version();
    p.updateAttributes(Map.of("sip.callStatus", "active", "k", ""));
    assertEquals(Map.of("sip.callStatus", "active"), p.info().attributes());
    assertTrue(p.info().version() > v0);
    assertTrue(events.getLast() instanceof RoomEvent.ParticipantUpdated);
  }

  @Test
  void emptyRoomsCloseAfterTheirTimeouts() {
    Room never = rooms.getOrCreate("never-joined", RoomOptions.UNSET);
    Room left = rooms.getOrCreate("left", RoomOptions.UNSET);
    left.join(new ParticipantSpec("p", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE)
        .leave(DisconnectReason.CLIENT_INITIATED);
    clock.advance(Duration.ofSeconds(19));
    rooms.sweep();
    assertTrue(rooms.room("left").isPresent());
    clock.advance(Duration.ofSeconds(1));
    rooms.sweep();
    assertTrue(rooms.room("left").isEmpty(), "departure timeout 20 s");
    assertTrue(rooms.room("never-joined").isPresent());
    clock.advance(Duration.ofMinutes(5));
    rooms.sweep();
    assertTrue(rooms.room("never-joined").isEmpty(), "empty timeout 5 min");
    assertTrue(events.getLast() instanceof RoomEvent.RoomFinished);
    assertThrows(IllegalStateException.class, () ->
        never.join(new ParticipantSpec("late", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE));
  }

  @Test
  void agentsAloneDoNotKeepARoomOpen() {
    Room room = rooms.getOrCreate("agents-only", RoomOptions.UNSET);
    DisconnectReason[] agentLeft = {null};
    room.join(new ParticipantSpec("agent-AJ_1", "", ParticipantKind.AGENT, "", Map.of()), new ParticipantListener() {
      @Override
      public void onDisconnected(DisconnectReason reason) {
        agentLeft[0] = reason;
      }
    });
    LocalParticipant caller =
        room.join(new ParticipantSpec("caller", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    clock.advance(Duration.ofMinutes(6));
    rooms.sweep();
    assertTrue(rooms.room("agents-only").isPresent(), "a caller keeps the room open");
    caller.leave(DisconnectReason.CLIENT_INITIATED);
    clock.advance(Duration.ofSeconds(19));
    rooms.sweep();
    assertTrue(rooms.room("agents-only").isPresent());
    clock.advance(Duration.ofSeconds(1));
    rooms.sweep();
    assertTrue(rooms.room("agents-only").isEmpty(), "departure timeout 20 s, though an agent is still in it");
    assertEquals(DisconnectReason.ROOM_CLOSED, agentLeft[0]);
  }

  @Test
  void maxParticipantsIsEnforced() {
    Room room = rooms.getOrCreate("small", new RoomOptions(null, null, 1, ""));
    room.join(new ParticipantSpec("a", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    assertThrows(RoomFullException.class, () ->
        room.join(new ParticipantSpec("b", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE));
  }

  @Test
  void deleteDisconnectsEveryone() {
    Room room = rooms.getOrCreate("r", RoomOptions.UNSET);
    LocalParticipant p =
        room.join(new ParticipantSpec("a", "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    assertTrue(rooms.delete("r"));
    assertFalse(p.isConnected());
    assertTrue(rooms.room("r").isEmpty());
  }
}
