package io.switchboard.server.api;

import static io.switchboard.server.api.SdkCalls.error;
import static io.switchboard.server.api.SdkCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.AccessToken;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomService;
import io.livekit.server.RoomServiceClient;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels;
import livekit.LivekitRoom.ListParticipantsRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retrofit2.Retrofit;
import retrofit2.converter.protobuf.ProtoConverterFactory;

/**
 * The RoomService of a running Switchboard, driven by LiveKit's own Java server SDK
 * ({@code io.livekit:livekit-server}, Twirp with protobuf bodies). The participant is an
 * in-process one, as a SIP caller or an agent is.
 */
class RoomServiceSdkTest {
  @TempDir Path data;
  RunningSwitchboard server;
  RoomServiceClient client;

  @BeforeEach
  void start() throws Exception {
    server = new RunningSwitchboard(data);
    client = RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Joins a caller with a microphone track; {@code left} completes when the room removes it. */
  private LocalParticipant caller(String room, String identity, CompletableFuture<DisconnectReason> left) {
    LocalParticipant p =
        server.server().rooms().getOrCreate(room, RoomOptions.UNSET).join(
            new ParticipantSpec(identity, "Caller", ParticipantKind.SIP, "",
                Map.of("sip.phoneNumber", "+15105550100", "sip.callStatus", "active")),
            new ParticipantListener() {
              @Override
              public void onDisconnected(DisconnectReason reason) {
                left.complete(reason);
              }
            });
    p.publishAudio("phone", new io.switchboard.media.audio.AudioSource() {
      @Override
      public int sampleRate() {
        return 8000;
      }

      @Override
      public boolean read(io.switchboard.media.audio.PcmFrame into) {
        return false;
      }
    });
    return p;
  }

  @Test
  void roomsAreCreatedListedUpdatedAndDeleted() throws Exception {
    LivekitModels.Room lobby = ok(client.createRoom("lobby", 120, 8, null, "{\"floor\":1}"));
    LivekitModels.Room again = ok(client.createRoom("lobby"));
    ok(client.createRoom("kitchen"));

    assertTrue(lobby.getSid().matches("RM_[0-9A-Za-z]{12}"), lobby.getSid());
    assertEquals(120, lobby.getEmptyTimeout());
    assertEquals(8, lobby.getMaxParticipants());
    assertEquals("{\"floor\":1}", lobby.getMetadata());
    assertEquals(lobby.getSid(), again.getSid(), "CreateRoom of an existing room returns it");
    assertEquals(120, again.getEmptyTimeout(), "options left out are kept");
    assertEquals(List.of("kitchen", "lobby"),
        ok(client.listRooms()).stream().map(LivekitModels.Room::getName).sorted().toList());
    assertEquals(List.of("kitchen"), ok(client.listRooms(List.of("kitchen", "attic"))).stream()
        .map(LivekitModels.Room::getName).toList());

    assertEquals("{\"floor\":2}", ok(client.updateRoomMetadata("lobby", "{\"floor\":2}")).getMetadata());
    ok(client.deleteRoom("kitchen"));
    assertEquals(List.of("lobby"), ok(client.listRooms()).stream().map(LivekitModels.Room::getName).toList());
    JsonNode missing = error(client.deleteRoom("kitchen"), 404);
    assertEquals("not_found", missing.get("code").asText());
  }

  @Test
  void participantsAreListedUpdatedMutedAndRemoved() throws Exception {
    CompletableFuture<DisconnectReason> left = new CompletableFuture<>();
    LocalParticipant alice = caller("lobby", "sip_+15105550100", left);
    String track = alice.info().tracks().getFirst().sid();

    List<LivekitModels.ParticipantInfo> listed = ok(client.listParticipants("lobby"));
    assertEquals(List.of("sip_+15105550100"), listed.stream().map(LivekitModels.ParticipantInfo::getIdentity).toList());
    LivekitModels.ParticipantInfo got = ok(client.getParticipant("lobby", "sip_+15105550100"));
    assertEquals(LivekitModels.ParticipantInfo.Kind.SIP, got.getKind());
    assertEquals(LivekitModels.ParticipantInfo.State.ACTIVE, got.getState());
    assertEquals(track, got.getTracks(0).getSid());
    assertEquals(LivekitModels.TrackSource.MICROPHONE, got.getTracks(0).getSource());
    assertEquals(alice.info().sid(), got.getSid());

    LivekitModels.ParticipantInfo updated = ok(client.updateParticipant("lobby", "sip_+15105550100",
        "Alice B.", "{\"tier\":\"gold\"}", null, Map.of("sip.callStatus", "", "team", "blue")));
    assertEquals("Alice B.", updated.getName());
    assertEquals("{\"tier\":\"gold\"}", updated.getMetadata());
    assertEquals(Map.of("sip.phoneNumber", "+15105550100", "team", "blue"), updated.getAttributesMap());
    ParticipantInfo inRoom = alice.info();
    assertEquals("Alice B.", inRoom.name(), "the room itself changed, not only the reply");
    assertEquals(Map.of("sip.phoneNumber", "+15105550100", "team", "blue"), inRoom.attributes());

    LivekitModels.TrackInfo muted = ok(client.mutePublishedTrack("lobby", "sip_+15105550100", track, true));
    assertTrue(muted.getMuted());
    assertTrue(alice.info().tracks().getFirst().muted());
    JsonNode unmute = error(client.mutePublishedTrack("lobby", "sip_+15105550100", track, false), 412);
    assertEquals("failed_precondition", unmute.get("code").asText());

    ok(client.removeParticipant("lobby", "sip_+15105550100"));
    assertEquals(DisconnectReason.PARTICIPANT_REMOVED, left.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(), ok(client.listParticipants("lobby")));
    JsonNode gone = error(client.getParticipant("lobby", "sip_+15105550100"), 404);
    assertEquals("not_found", gone.get("code").asText());
  }

  @Test
  void deletingARoomDisconnectsItsParticipants() throws Exception {
    CompletableFuture<DisconnectReason> left = new CompletableFuture<>();
    caller("lobby", "bob", left);

    ok(client.deleteRoom("lobby"));

    assertEquals(DisconnectReason.ROOM_DELETED, left.get(10, TimeUnit.SECONDS));
    assertEquals(List.of(), ok(client.listRooms()));
  }

  @Test
  void tokensWithoutTheRightGrantAreRefusedAsLiveKitRefusesThem() throws Exception {
    caller("lobby", "bob", new CompletableFuture<>());
    RoomService raw =
        new Retrofit.Builder()
            .baseUrl(server.url())
            .addConverterFactory(ProtoConverterFactory.create())
            .client(new OkHttpClient())
            .build()
            .create(RoomService.class);
    AccessToken otherRoom = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    otherRoom.addGrants(new RoomAdmin(true), new RoomName("kitchen"));

    JsonNode denied = error(raw.listParticipants(
        ListParticipantsRequest.newBuilder().setRoom("lobby").build(), "Bearer " + otherRoom.toJwt()), 401);
    JsonNode wrongSecret = error(
        RoomServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, "not-the-secret").listRooms(), 401);

    assertEquals("unauthenticated", denied.get("code").asText());
    assertTrue(denied.get("msg").asText().startsWith("permissions denied"), denied.toString());
    assertEquals("unauthenticated", wrongSecret.get("code").asText());
  }

  @Test
  void methodsNotImplementedSaySo() throws Exception {
    caller("lobby", "bob", new CompletableFuture<>());

    JsonNode subscriptions = error(client.updateSubscriptions("lobby", "bob", List.of("TR_x"), true), 501);

    assertEquals("unimplemented", subscriptions.get("code").asText());
  }

  @Test
  void sendDataReachesTheNamedParticipantFromNobody() throws Exception {
    CompletableFuture<io.switchboard.sfu.room.DataPacket> got = new CompletableFuture<>();
    server.server().rooms().getOrCreate("lobby", RoomOptions.UNSET).join(
        new ParticipantSpec("agent", "Agent", ParticipantKind.AGENT, "", Map.of()),
        new ParticipantListener() {
          @Override
          public void onData(io.switchboard.sfu.room.DataPacket packet) {
            got.complete(packet);
          }
        });
    caller("lobby", "bob", new CompletableFuture<>());

    var sent = client.sendData("lobby", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        LivekitModels.DataPacket.Kind.LOSSY, List.of(), List.of("agent"), "greeting").execute();

    assertTrue(sent.isSuccessful(), sent.toString());
    var packet = got.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertEquals(new io.switchboard.sfu.room.DataMessage.User(
        "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8), "greeting"), packet.value());
    assertEquals(io.switchboard.sfu.room.DataPacket.Kind.LOSSY, packet.kind());
    assertEquals("", packet.participantIdentity());
  }
}
