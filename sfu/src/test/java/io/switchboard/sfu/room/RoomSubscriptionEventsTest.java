package io.switchboard.sfu.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The room's reports of who really receives what (sent by the signalling of WebRTC participants). */
class RoomSubscriptionEventsTest {
  private final List<RoomEvent> events = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms = new RoomManager(
      new MutableClock(), scheduler, Runnable::run, Runnable::run, RoomOptions.UNSET, new SplittableRandom(1));

  RoomSubscriptionEventsTest() {
    rooms.addListener(events::add);
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aSubscriptionNamesTheSubscriberThePublisherAndTheTrack() {
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    LocalParticipant caller = join(room, "sip_carol", ParticipantKind.SIP);
    TrackInfo phone = caller.publishAudio("phone", new Silence());
    join(room, "agent-AJ_1", ParticipantKind.AGENT);
    events.clear();

    room.subscriberConnected("agent-AJ_1");
    room.trackSubscribed("agent-AJ_1", phone.sid());

    var connected = (RoomEvent.SubscriberConnected) events.get(0);
    assertEquals("agent-AJ_1", connected.participant().identity());
    var subscribed = (RoomEvent.TrackSubscribed) events.get(1);
    assertEquals("agent-AJ_1", subscribed.subscriber().identity());
    assertEquals("sip_carol", subscribed.publisher().identity());
    assertEquals(phone, subscribed.track());
    assertEquals("call", subscribed.room().name());
    assertEquals(2, events.size());
  }

  @Test
  void reportsAboutSomeoneGoneOrATrackGoneAreDropped() {
    Room room = rooms.getOrCreate("call", RoomOptions.UNSET);
    LocalParticipant caller = join(room, "sip_carol", ParticipantKind.SIP);
    TrackInfo phone = caller.publishAudio("phone", new Silence());
    join(room, "agent-AJ_1", ParticipantKind.AGENT);
    caller.unpublish(phone.sid());
    events.clear();

    room.subscriberConnected("agent-AJ_2");
    room.trackSubscribed("agent-AJ_2", phone.sid());
    room.trackSubscribed("agent-AJ_1", phone.sid());
    assertEquals(List.of(), events);
  }

  private static LocalParticipant join(Room room, String identity, ParticipantKind kind) {
    return room.join(new ParticipantSpec(identity, "", kind, "", Map.of()), ParticipantListener.NONE);
  }

  private record Silence() implements AudioSource {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(PcmFrame into) {
      return false;
    }
  }
}
