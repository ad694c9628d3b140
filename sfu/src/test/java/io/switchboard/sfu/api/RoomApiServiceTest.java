package io.switchboard.sfu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.protocol.twirp.TwirpRequest;
import io.switchboard.protocol.twirp.TwirpResponse;
import io.switchboard.protocol.twirp.TwirpRouter;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import livekit.LivekitModels;
import livekit.LivekitRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The RoomService through the real Twirp router, with real tokens, as JSON clients call it. */
class RoomApiServiceTest {
  private static final String KEY = "APIkey1";
  private static final String SECRET = "a-secret-of-32-bytes-or-so-12345";
  private static final AudioSource SILENCE =
      new AudioSource() {
        @Override
        public int sampleRate() {
          return 8000;
        }

        @Override
        public boolean read(PcmFrame into) {
          return false;
        }
      };

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final RoomManager rooms =
      new RoomManager(clock, scheduler, Runnable::run, Runnable::run,
          new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(3));
  private final TokenIssuer issuer = new TokenIssuer(KEY, SECRET, clock);
  private final List<DisconnectReason> callerLeft = new ArrayList<>();

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  private TwirpRouter router(boolean remoteUnmute) {
    TwirpRouter router = new TwirpRouter(new TokenVerifier(Map.of(KEY, SECRET), clock));
    new RoomApiService(rooms, remoteUnmute, scheduler).register(router);
    return router;
  }

  private TwirpResponse call(String method, String json, VideoGrant grant) {
    return call(router(false), method, json, grant);
  }

  private TwirpResponse call(TwirpRouter router, String method, String json, VideoGrant grant) {
    String token = issuer.issue(ClaimGrants.builder().identity("ops").video(grant).build(), Duration.ofMinutes(10));
    return router.handle(new TwirpRequest("/twirp/livekit.RoomService/" + method, "application/json",
        "Bearer " + token, json.getBytes(StandardCharsets.UTF_8)));
  }

  private static <T extends Message> T reply(TwirpResponse response, Message.Builder builder) throws Exception {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertEquals(200, response.status(), body);
    JsonFormat.parser().merge(body, builder);
    @SuppressWarnings("unchecked")
    T built = (T) builder.build();
    return built;
  }

  /** The Twirp error as {code, msg}, after checking the HTTP status. */
  private static Map<String, String> error(TwirpResponse response, int status) throws Exception {
    Struct.Builder s = Struct.newBuilder();
    JsonFormat.parser().merge(new String(response.body(), StandardCharsets.UTF_8), s);
    assertEquals(status, response.status(), s.toString());
    return Map.of("code", s.getFieldsOrThrow("code").getStringValue(), "msg", s.getFieldsOrThrow("msg").getStringValue());
  }

  private static VideoGrant create() {
    return VideoGrant.builder().roomCreate(true).build();
  }

  private static VideoGrant list() {
    return VideoGrant.builder().roomList(true).build();
  }

  private static VideoGrant admin(String room) {
    return VideoGrant.builder().roomAdmin(true).room(room).build();
  }

  private LocalParticipant caller(String room) {
    LocalParticipant p = rooms.getOrCreate(room, RoomOptions.UNSET).join(
        new ParticipantSpec("caller", "Caller", ParticipantKind.SIP, "first", Map.of("a", "1", "keep", "yes")),
        new ParticipantListener() {
          @Override
          public void onDisconnected(DisconnectReason reason) {
            callerLeft.add(reason);
          }
        });
    p.publishAudio("phone", SILENCE);
    return p;
  }

  @Test
  void createRoomIsIdempotentAndAppliesOnlyTheOptionsThatAreSet() throws Exception {
    LivekitModels.Room first = reply(
        call("CreateRoom", "{\"name\":\"lobby\",\"empty_timeout\":60,\"metadata\":\"m1\"}", create()),
        LivekitModels.Room.newBuilder());
    LivekitModels.Room again = reply(
        call("CreateRoom", "{\"name\":\"lobby\",\"maxParticipants\":5}", create()),
        LivekitModels.Room.newBuilder());

    assertTrue(first.getSid().matches("RM_[0-9A-Za-z]{12}"), first.getSid());
    assertEquals(first.getSid(), again.getSid());
    assertEquals(60, again.getEmptyTimeout());
    assertEquals(20, again.getDepartureTimeout(), "the server default");
    assertEquals(5, again.getMaxParticipants());
    assertEquals("m1", again.getMetadata());
    assertEquals(1767225600L, again.getCreationTime());
  }

  @Test
  void grantsAreCheckedAsLiveKitChecksThem() throws Exception {
    Map<String, String> noCreate = error(call("CreateRoom", "{\"name\":\"lobby\"}", list()), 401);
    Map<String, String> noList = error(call("ListRooms", "{}", create()), 401);
    Map<String, String> otherRoom = error(call("ListParticipants", "{\"room\":\"lobby\"}", admin("kitchen")), 401);
    Map<String, String> joinOnly = error(call("DeleteRoom", "{\"room\":\"lobby\"}",
        VideoGrant.builder().roomJoin(true).room("lobby").build()), 401);

    assertEquals("unauthenticated", noCreate.get("code"));
    assertTrue(noCreate.get("msg").contains("roomCreate"), noCreate.get("msg"));
    assertTrue(noList.get("msg").contains("roomList"), noList.get("msg"));
    assertTrue(otherRoom.get("msg").contains("\"kitchen\""), otherRoom.get("msg"));
    assertTrue(joinOnly.get("msg").contains("roomCreate"), joinOnly.get("msg"));
    assertTrue(rooms.rooms().isEmpty());
  }

  @Test
  void listRoomsFiltersByName() throws Exception {
    for (String name : List.of("a", "b", "c")) {
      call("CreateRoom", "{\"name\":\"" + name + "\"}", create());
    }
    LivekitRoom.ListRoomsResponse all = reply(call("ListRooms", "{}", list()), LivekitRoom.ListRoomsResponse.newBuilder());
    LivekitRoom.ListRoomsResponse some = reply(
        call("ListRooms", "{\"names\":[\"c\",\"a\",\"zz\"]}", list()), LivekitRoom.ListRoomsResponse.newBuilder());

    assertEquals(List.of("a", "b", "c"), all.getRoomsList().stream().map(LivekitModels.Room::getName).toList());
    assertEquals(List.of("a", "c"), some.getRoomsList().stream().map(LivekitModels.Room::getName).toList());
  }

  @Test
  void participantIsListedAndUpdatedWithLiveKitsRules() throws Exception {
    caller("lobby");
    LivekitRoom.ListParticipantsResponse listed = reply(
        call("ListParticipants", "{\"room\":\"lobby\"}", admin("lobby")), LivekitRoom.ListParticipantsResponse.newBuilder());
    LivekitModels.ParticipantInfo before = listed.getParticipants(0);
    LivekitModels.ParticipantInfo after = reply(call("UpdateParticipant",
        "{\"room\":\"lobby\",\"identity\":\"caller\",\"name\":\"Alice\",\"metadata\":\"\","
            + "\"attributes\":{\"a\":\"\",\"b\":\"2\"}}", admin("lobby")),
        LivekitModels.ParticipantInfo.newBuilder());

    assertEquals(LivekitModels.ParticipantInfo.Kind.SIP, before.getKind());
    assertEquals(LivekitModels.ParticipantInfo.State.ACTIVE, before.getState());
    assertEquals(1, before.getTracksCount());
    assertEquals("Alice", after.getName());
    assertEquals("first", after.getMetadata(), "empty metadata leaves it as it was");
    assertEquals(Map.of("keep", "yes", "b", "2"), after.getAttributesMap(), "an empty value deletes the key");
    assertTrue(after.getVersion() > before.getVersion());
    assertEquals(after, reply(call("GetParticipant", "{\"room\":\"lobby\",\"identity\":\"caller\"}", admin("lobby")),
        LivekitModels.ParticipantInfo.newBuilder()));
  }

  @Test
  void createRoomDispatchesItsAgentsOnlyWhenItCreatesTheRoom() throws Exception {
    List<String> dispatched = new ArrayList<>();
    io.switchboard.sfu.room.RoomConfigHooks hooks = new io.switchboard.sfu.room.RoomConfigHooks() {
      @Override
      public void check(List<AgentRequest> agents) {
        agents.stream().filter(a -> !a.agentName().equals("concierge")).findFirst().ifPresent(a -> {
          throw new IllegalArgumentException("agents[0].agent_name: no agent named '" + a.agentName() + "'");
        });
      }

      @Override
      public void roomCreated(String roomName, List<AgentRequest> agents) {
        agents.forEach(a -> dispatched.add(roomName + ":" + a.agentName() + ":" + a.metadata()));
      }
    };
    TwirpRouter router = new TwirpRouter(new TokenVerifier(Map.of(KEY, SECRET), clock));
    new RoomApiService(rooms, false, hooks, scheduler).register(router);
    String withAgent = "{\"name\":\"hall\",\"agents\":[{\"agent_name\":\"concierge\",\"metadata\":\"vip\"}]}";

    reply(call(router, "CreateRoom", withAgent, create()), LivekitModels.Room.newBuilder());
    reply(call(router, "CreateRoom", withAgent, create()), LivekitModels.Room.newBuilder());
    assertEquals(List.of("hall:concierge:vip"), dispatched, "once, by the call that created the room");

    Map<String, String> unknown = error(call(router, "CreateRoom",
        "{\"name\":\"annex\",\"agents\":[{\"agent_name\":\"valet\"}]}", create()), 400);
    assertEquals("invalid_argument", unknown.get("code"));
    assertEquals("agents[0].agent_name: no agent named 'valet'", unknown.get("msg"));
    assertTrue(rooms.room("annex").isEmpty(), "a refused configuration creates no room");
  }

  @Test
  void permissionUpdatesAreRefusedAndChangeNothing() throws Exception {
    caller("lobby");
    Map<String, String> refused = error(call("UpdateParticipant",
        "{\"room\":\"lobby\",\"identity\":\"caller\",\"metadata\":\"new\",\"permission\":{\"canPublish\":false}}",
        admin("lobby")), 501);

    assertEquals("unimplemented", refused.get("code"));
    assertTrue(refused.get("msg").contains("permission"), refused.get("msg"));
    assertEquals("first", rooms.room("lobby").orElseThrow().participant("caller").orElseThrow().metadata());
  }

  @Test
  void mutingWorksAndUnmutingNeedsRemoteUnmute() throws Exception {
    String track = caller("lobby").info().tracks().getFirst().sid();
    String target = "{\"room\":\"lobby\",\"identity\":\"caller\",\"track_sid\":\"" + track + "\",";
    String mute = target + "\"muted\":true}";
    String unmute = target + "\"muted\":false}";

    LivekitRoom.MuteRoomTrackResponse muted = reply(call("MutePublishedTrack", mute, admin("lobby")),
        LivekitRoom.MuteRoomTrackResponse.newBuilder());
    Map<String, String> refused = error(call("MutePublishedTrack", unmute, admin("lobby")), 412);
    LivekitRoom.MuteRoomTrackResponse unmuted = reply(call(router(true), "MutePublishedTrack", unmute, admin("lobby")),
        LivekitRoom.MuteRoomTrackResponse.newBuilder());
    Map<String, String> noTrack = error(call("MutePublishedTrack", mute.replace(track, "TR_nope"), admin("lobby")), 404);

    assertTrue(muted.getTrack().getMuted());
    assertEquals(track, muted.getTrack().getSid());
    assertEquals("failed_precondition", refused.get("code"));
    assertFalse(unmuted.getTrack().getMuted());
    assertFalse(rooms.room("lobby").orElseThrow().participant("caller").orElseThrow().tracks().getFirst().muted());
    assertEquals("not_found", noTrack.get("code"));
  }

  @Test
  void removingAParticipantDisconnectsItsOwner() throws Exception {
    caller("lobby");
    reply(call("RemoveParticipant", "{\"room\":\"lobby\",\"identity\":\"caller\"}", admin("lobby")),
        LivekitRoom.RemoveParticipantResponse.newBuilder());
    Map<String, String> gone = error(call("GetParticipant", "{\"room\":\"lobby\",\"identity\":\"caller\"}", admin("lobby")), 404);
    Map<String, String> again = error(call("RemoveParticipant", "{\"room\":\"lobby\",\"identity\":\"caller\"}", admin("lobby")), 404);

    assertEquals(List.of(DisconnectReason.PARTICIPANT_REMOVED), callerLeft);
    assertEquals("not_found", gone.get("code"));
    assertTrue(again.get("msg").startsWith("participant does not exist"), again.get("msg"));
  }

  @Test
  void deletingARoomDisconnectsEveryoneAndUnknownRoomsAreNotFound() throws Exception {
    caller("lobby");
    reply(call("DeleteRoom", "{\"room\":\"lobby\"}", create()), LivekitRoom.DeleteRoomResponse.newBuilder());
    Map<String, String> deleteAgain = error(call("DeleteRoom", "{\"room\":\"lobby\"}", create()), 404);
    Map<String, String> metadata = error(call("UpdateRoomMetadata", "{\"room\":\"lobby\",\"metadata\":\"x\"}", admin("lobby")), 404);
    LivekitRoom.ListParticipantsResponse nobody = reply(call("ListParticipants", "{\"room\":\"lobby\"}", admin("lobby")),
        LivekitRoom.ListParticipantsResponse.newBuilder());

    assertEquals(List.of(DisconnectReason.ROOM_DELETED), callerLeft);
    assertTrue(deleteAgain.get("msg").startsWith("requested room does not exist"), deleteAgain.get("msg"));
    assertEquals("not_found", metadata.get("code"));
    assertEquals(0, nobody.getParticipantsCount(), "LiveKit lists nobody in a room it does not know");
  }

  @Test
  void roomMetadataIsUpdated() throws Exception {
    call("CreateRoom", "{\"name\":\"lobby\"}", create());
    LivekitModels.Room room = reply(call("UpdateRoomMetadata", "{\"room\":\"lobby\",\"metadata\":\"{\\\"topic\\\":1}\"}",
        admin("lobby")), LivekitModels.Room.newBuilder());
    assertEquals("{\"topic\":1}", room.getMetadata());
  }

  @Test
  void createRoomHandsItsEgressToTheHooksOnlyWhenItCreatesTheRoom() throws Exception {
    List<String> configured = new ArrayList<>();
    io.switchboard.sfu.room.RoomConfigHooks hooks = new io.switchboard.sfu.room.RoomConfigHooks() {
      @Override
      public void check(List<AgentRequest> agents) {}

      @Override
      public void roomCreated(String roomName, List<AgentRequest> agents) {}

      @Override
      public void roomEgress(io.switchboard.sfu.room.RoomInfo room, livekit.LivekitRoom.RoomEgress egress) {
        configured.add(room.name() + ":" + egress.getParticipant().getFileOutputs(0).getFilepath());
      }
    };
    TwirpRouter router = new TwirpRouter(new TokenVerifier(Map.of(KEY, SECRET), clock));
    new RoomApiService(rooms, false, hooks, scheduler).register(router);
    String withEgress = "{\"name\":\"hall\",\"egress\":{\"participant\":{\"file_outputs\":[{\"filepath\":\"{publisher_identity}.ogg\"}]}}}";

    reply(call(router, "CreateRoom", withEgress, create()), LivekitModels.Room.newBuilder());
    reply(call(router, "CreateRoom", withEgress, create()), LivekitModels.Room.newBuilder());
    assertEquals(List.of("hall:{publisher_identity}.ogg"), configured, "once, by the call that created the room");

    Map<String, String> noRecorder = error(call("CreateRoom", withEgress.replace("hall", "annex"), create()), 501);
    assertEquals("CreateRoom: egress cannot be started, this server records nothing", noRecorder.get("msg"));
    assertTrue(rooms.room("annex").isEmpty(), "a refused configuration creates no room");
  }

  @Test
  void unsupportedMethodsAndOptionsSayWhat() throws Exception {
    Map<String, String> rpc = error(call("ForwardParticipant", "{\"room\":\"lobby\",\"identity\":\"x\"}", admin("lobby")), 501);
    Map<String, String> deniedFirst = error(call("MoveParticipant", "{\"room\":\"lobby\"}", admin("other")), 401);
    Map<String, String> agents = error(call("CreateRoom",
        "{\"name\":\"lobby\",\"agents\":[{\"agentName\":\"receptionist\"}]}", create()), 501);
    Map<String, String> noName = error(call("CreateRoom", "{}", create()), 400);

    assertEquals("unimplemented", rpc.get("code"));
    assertTrue(rpc.get("msg").contains("ForwardParticipant"), rpc.get("msg"));
    assertEquals("unauthenticated", deniedFirst.get("code"));
    assertTrue(agents.get("msg").contains("agents"), agents.get("msg"));
    assertEquals("invalid_argument", noName.get("code"));
    assertTrue(rooms.rooms().isEmpty());
  }

  private List<io.switchboard.sfu.room.DataPacket> listener(String room, String identity, List<String> sids) {
    List<io.switchboard.sfu.room.DataPacket> got = new ArrayList<>();
    LocalParticipant p = rooms.getOrCreate(room, RoomOptions.UNSET).join(
        new ParticipantSpec(identity, identity, ParticipantKind.STANDARD, "", Map.of()),
        new ParticipantListener() {
          @Override
          public void onData(io.switchboard.sfu.room.DataPacket packet) {
            got.add(packet);
          }
        });
    sids.add(p.info().sid());
    return got;
  }

  @Test
  void sendDataReachesTheNamedParticipantsOrEveryoneWithoutASender() throws Exception {
    List<String> sids = new ArrayList<>();
    var bob = listener("lobby", "bob", sids);
    var carol = listener("lobby", "carol", sids);
    var dave = listener("lobby", "dave", sids);
    reply(call("SendData", "{\"room\":\"lobby\",\"data\":\"aGk=\",\"kind\":\"LOSSY\",\"topic\":\"t\","
        + "\"destination_identities\":[\"bob\"],\"destination_sids\":[\"" + sids.get(1) + "\"]}", admin("lobby")),
        LivekitRoom.SendDataResponse.newBuilder());
    reply(call("SendData", "{\"room\":\"lobby\",\"data\":\"eW8=\"}", admin("lobby")),
        LivekitRoom.SendDataResponse.newBuilder());
    Map<String, String> nowhere = error(call("SendData", "{\"room\":\"attic\",\"data\":\"aGk=\"}", admin("attic")), 404);
    Map<String, String> denied = error(call("SendData", "{\"room\":\"lobby\",\"data\":\"aGk=\"}", list()), 401);

    var hi = new io.switchboard.sfu.room.DataMessage.User("hi".getBytes(StandardCharsets.UTF_8), "t");
    var yo = new io.switchboard.sfu.room.DataMessage.User("yo".getBytes(StandardCharsets.UTF_8), "");
    assertEquals(List.of(hi, yo), bob.stream().map(io.switchboard.sfu.room.DataPacket::value).toList());
    assertEquals(List.of(hi, yo), carol.stream().map(io.switchboard.sfu.room.DataPacket::value).toList(), "by sid");
    assertEquals(List.of(yo), dave.stream().map(io.switchboard.sfu.room.DataPacket::value).toList());
    assertEquals(io.switchboard.sfu.room.DataPacket.Kind.LOSSY, bob.getFirst().kind());
    assertEquals("", bob.getFirst().participantIdentity(), "the server sends as nobody, as in LiveKit");
    assertEquals("not_found", nowhere.get("code"));
    assertEquals("unauthenticated", denied.get("code"));
  }
}
