package io.switchboard.sfu.api;

import static io.switchboard.sfu.api.ApiFixture.admin;
import static io.switchboard.sfu.api.ApiFixture.error;
import static io.switchboard.sfu.api.ApiFixture.mover;
import static io.switchboard.sfu.api.ApiFixture.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.MovableParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomMoves;
import io.switchboard.sfu.room.RoomOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RoomService MoveParticipant: grants, errors, and what a moved phone participant hears and is heard by. */
class MoveParticipantApiTest {
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ApiFixture api = new ApiFixture(scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** Plays a SIP call's part: one audio source, one mix sink, follows its participant when moved. */
  private final class Phone implements MovableParticipant {
    final ApiFixture.Level voice = new ApiFixture.Level(1000);
    final ApiFixture.Peak ear = new ApiFixture.Peak();
    final List<DisconnectReason> hungUpBecause = new ArrayList<>();
    LocalParticipant participant;

    Phone(String room) {
      participant = api.rooms.getOrCreate(room, RoomOptions.UNSET).join(
          new ParticipantSpec("caller", "Caller", ParticipantKind.SIP, "meta", Map.of("sip.callStatus", "active")), this);
      participant.publishAudio("phone", voice);
      participant.subscribeMix(ear);
    }

    @Override
    public LocalParticipant moveTo(Room destination) {
      participant = RoomMoves.move(participant, destination, this, "phone", voice, ear);
      return participant;
    }

    @Override
    public void onDisconnected(DisconnectReason reason) {
      hungUpBecause.add(reason);
    }
  }

  /** Someone already in a room, speaking at {@code level} and listening. */
  private record Listener(LocalParticipant participant, ApiFixture.Level voice, ApiFixture.Peak ear) {}

  private Listener listener(String room, String identity, int level) {
    LocalParticipant p = api.rooms.getOrCreate(room, RoomOptions.UNSET)
        .join(new ParticipantSpec(identity, "", ParticipantKind.STANDARD, "", Map.of()), ParticipantListener.NONE);
    var voice = new ApiFixture.Level(level);
    var ear = new ApiFixture.Peak();
    p.publishAudio("mic", voice);
    p.subscribeMix(ear);
    return new Listener(p, voice, ear);
  }

  private static String move(String room, String identity, String destination) {
    return "{\"room\":\"" + room + "\",\"identity\":\"" + identity + "\",\"destination_room\":\"" + destination + "\"}";
  }

  @Test
  void aMovedPhoneHearsAndIsHeardByTheDestinationRoomOnly() throws Exception {
    Phone phone = new Phone("a");
    Listener inA = listener("a", "alice", 3000);
    Listener inB = listener("b", "bob", 5000);
    Room a = api.rooms.room("a").orElseThrow();
    Room b = api.rooms.room("b").orElseThrow();
    a.tick();
    b.tick();
    assertEquals(3000, phone.ear.last, "before: the phone hears room a");
    assertEquals(1000, inA.ear().last, "before: alice hears the phone");
    assertEquals(0, inB.ear().last, "before: bob hears nobody");
    api.events.clear();

    reply(api.call("MoveParticipant", move("a", "caller", "b"), mover("a", "b")),
        LivekitRoom.MoveParticipantResponse.newBuilder());
    int readsBefore = phone.voice.reads;
    a.tick();
    b.tick();

    assertEquals(5000, phone.ear.last, "the phone hears room b");
    assertEquals(1000, inB.ear().last, "bob hears the phone");
    assertEquals(0, inA.ear().last, "alice no longer hears it");
    assertEquals(readsBefore + 1, phone.voice.reads, "one room pulls the phone's audio per tick");
    assertTrue(phone.hungUpBecause.isEmpty(), "the call is not hung up");
    assertTrue(a.participant("caller").isEmpty());
    ParticipantInfo moved = b.participant("caller").orElseThrow();
    assertEquals(ParticipantKind.SIP, moved.kind());
    assertEquals(Map.of("sip.callStatus", "active"), moved.attributes());
    assertEquals("meta", moved.metadata());
    assertEquals(List.of("phone"), moved.tracks().stream().map(t -> t.name()).toList());
    assertEquals("b", phone.participant.roomName());
    var left = api.events.stream().filter(e -> e instanceof RoomEvent.ParticipantLeft).map(e -> (RoomEvent.ParticipantLeft) e).toList();
    var joined = api.events.stream().filter(e -> e instanceof RoomEvent.ParticipantJoined).map(e -> (RoomEvent.ParticipantJoined) e).toList();
    assertEquals(1, left.size());
    assertEquals("a", left.get(0).room().name());
    assertEquals(DisconnectReason.MIGRATION, left.get(0).reason());
    assertEquals(1, joined.size());
    assertEquals("b", joined.get(0).room().name());
    assertEquals("caller", joined.get(0).participant().identity());
  }

  @Test
  void aMutedPhoneStaysMutedInTheDestination() throws Exception {
    Phone phone = new Phone("a");
    phone.participant.setMuted(phone.participant.info().tracks().get(0).sid(), true);
    Listener inB = listener("b", "bob", 5000);
    reply(api.call("MoveParticipant", move("a", "caller", "b"), mover("a", "b")),
        LivekitRoom.MoveParticipantResponse.newBuilder());
    api.rooms.room("b").orElseThrow().tick();

    assertTrue(phone.participant.info().tracks().get(0).muted(), "the track is muted in room b");
    assertEquals(0, inB.ear().last, "bob does not hear a muted phone");
    assertEquals(5000, phone.ear.last, "the muted phone still hears room b");
  }

  @Test
  void theDestinationRoomIsCreatedWhenItDoesNotExist() throws Exception {
    Phone phone = new Phone("a");
    reply(api.call("MoveParticipant", move("a", "caller", "new-room"), mover("a", "new-room")),
        LivekitRoom.MoveParticipantResponse.newBuilder());

    assertTrue(api.rooms.room("new-room").orElseThrow().participant("caller").isPresent());
    assertTrue(api.events.stream().anyMatch(e -> e instanceof RoomEvent.RoomStarted s && s.room().name().equals("new-room")));
    assertEquals("new-room", phone.participant.roomName());
  }

  @Test
  void bothRoomsMustBeGrantedAsLiveKitRequires() throws Exception {
    new Phone("a");
    var noDestination = error(api.call("MoveParticipant", move("a", "caller", "b"), admin("a")), 401);
    var otherDestination = error(api.call("MoveParticipant", move("a", "caller", "b"), mover("a", "c")), 401);
    var otherSource = error(api.call("MoveParticipant", move("a", "caller", "b"), mover("x", "b")), 401);

    assertEquals("unauthenticated", noDestination.get("code"));
    assertTrue(noDestination.get("msg").contains("destinationRoom \"b\""), noDestination.get("msg"));
    assertTrue(otherDestination.get("msg").contains("\"c\""), otherDestination.get("msg"));
    assertTrue(otherSource.get("msg").contains("roomAdmin for room \"a\""), otherSource.get("msg"));
    assertTrue(api.rooms.room("a").orElseThrow().participant("caller").isPresent(), "nothing moved");
    assertTrue(api.rooms.room("b").isEmpty(), "no room was created");
  }

  @Test
  void badRequestsAreRefusedNamingWhatIsWrong() throws Exception {
    new Phone("a");
    listener("a", "web", 0);
    listener("b", "caller", 0);
    var same = error(api.call("MoveParticipant", move("a", "caller", "a"), mover("a", "a")), 400);
    var noRoom = error(api.call("MoveParticipant", move("zz", "caller", "b"), mover("zz", "b")), 404);
    var nobody = error(api.call("MoveParticipant", move("a", "ghost", "b"), mover("a", "b")), 404);
    // "web" is an in-process participant whose owner cannot move (as an in-process agent)
    var unmovable = error(api.call("MoveParticipant", move("a", "web", "b"), mover("a", "b")), 412);
    var taken = error(api.call("MoveParticipant", move("a", "caller", "b"), mover("a", "b")), 409);
    var noDestination = error(api.call("MoveParticipant", move("a", "caller", ""), mover("a", "")), 400);

    assertEquals("invalid_argument", same.get("code"));
    assertTrue(same.get("msg").contains("cannot be the same"), same.get("msg"));
    assertEquals("not_found", noRoom.get("code"));
    assertTrue(noRoom.get("msg").contains("\"zz\""), noRoom.get("msg"));
    assertEquals("not_found", nobody.get("code"));
    assertTrue(nobody.get("msg").contains("\"ghost\""), nobody.get("msg"));
    assertEquals("failed_precondition", unmovable.get("code"));
    assertTrue(unmovable.get("msg").contains("\"web\"") && unmovable.get("msg").contains("cannot be moved"),
        unmovable.get("msg"));
    assertEquals("already_exists", taken.get("code"));
    assertTrue(noDestination.get("msg").contains("destination_room"), noDestination.get("msg"));
    assertTrue(api.rooms.room("a").orElseThrow().participant("caller").isPresent(), "the caller stayed");
    assertTrue(api.rooms.room("a").orElseThrow().participant("web").isPresent());
  }

  @Test
  void aFullDestinationLeavesTheParticipantWhereItWas() throws Exception {
    Phone phone = new Phone("a");
    api.rooms.getOrCreate("small", new RoomOptions(null, null, 1, null));
    listener("small", "only", 0);
    var full = error(api.call("MoveParticipant", move("a", "caller", "small"), mover("a", "small")), 429);

    assertEquals("resource_exhausted", full.get("code"));
    assertEquals("a", phone.participant.roomName());
    assertTrue(phone.participant.isConnected());
    assertFalse(api.rooms.room("small").orElseThrow().participant("caller").isPresent());
  }
}
