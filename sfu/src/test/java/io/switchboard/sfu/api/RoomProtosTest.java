package io.switchboard.sfu.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.ParticipantInfo;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomInfo;
import io.switchboard.sfu.room.TrackInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels;
import org.junit.jupiter.api.Test;

class RoomProtosTest {
  private static final Instant JOINED = Instant.parse("2026-01-01T10:00:00.250Z"); // 1767261600.250

  private static final TrackInfo MIC =
      new TrackInfo("TR_AMkL2sQ9dJ3x", "phone", TrackInfo.TrackKind.AUDIO, TrackInfo.TrackSource.MICROPHONE, true);

  private static final ParticipantInfo CALLER =
      new ParticipantInfo("PA_9f3KxQm2LpZa", "sip_+15105550100", "Alice", ParticipantKind.SIP, "{\"vip\":true}",
          Map.of("sip.phoneNumber", "+15105550100", "sip.callStatus", "active"), JOINED, 7, List.of(MIC));

  @Test
  void roomCarriesTimeoutsInSecondsAndCreationTimeInSecondsAndMillis() {
    RoomInfo info = new RoomInfo("RM_h2D8fKq0ZpWx", "support", Duration.ofMinutes(5), Duration.ofSeconds(20), 10,
        JOINED, "{\"queue\":\"billing\"}", 3, 2);

    LivekitModels.Room room = RoomProtos.room(info);

    assertEquals("RM_h2D8fKq0ZpWx", room.getSid());
    assertEquals("support", room.getName());
    assertEquals(300, room.getEmptyTimeout());
    assertEquals(20, room.getDepartureTimeout());
    assertEquals(10, room.getMaxParticipants());
    assertEquals(1767261600L, room.getCreationTime());
    assertEquals(1767261600250L, room.getCreationTimeMs());
    assertEquals("{\"queue\":\"billing\"}", room.getMetadata());
    assertEquals(3, room.getNumParticipants());
    assertEquals(2, room.getNumPublishers());
  }

  @Test
  void participantInTheRoomIsActiveWithItsTracksAndAttributes() throws Exception {
    LivekitModels.ParticipantInfo p = RoomProtos.participant(CALLER);

    assertEquals("PA_9f3KxQm2LpZa", p.getSid());
    assertEquals("sip_+15105550100", p.getIdentity());
    assertEquals("Alice", p.getName());
    assertEquals(LivekitModels.ParticipantInfo.Kind.SIP, p.getKind());
    assertEquals(LivekitModels.ParticipantInfo.State.ACTIVE, p.getState());
    assertEquals("{\"vip\":true}", p.getMetadata());
    assertEquals(Map.of("sip.phoneNumber", "+15105550100", "sip.callStatus", "active"), p.getAttributesMap());
    assertEquals(1767261600L, p.getJoinedAt());
    assertEquals(1767261600250L, p.getJoinedAtMs());
    assertEquals(7, p.getVersion());
    assertTrue(p.getIsPublisher());
    LivekitModels.TrackInfo track = p.getTracks(0);
    assertEquals("TR_AMkL2sQ9dJ3x", track.getSid());
    assertEquals("phone", track.getName());
    assertEquals(LivekitModels.TrackType.AUDIO, track.getType());
    assertEquals(LivekitModels.TrackSource.MICROPHONE, track.getSource());
    assertTrue(track.getMuted());

    // What the Node SDK reads (proto3 JSON names), e.g. joinedAt as a string of seconds.
    String json = JsonFormat.printer().print(p);
    assertTrue(json.contains("\"joinedAt\": \"1767261600\""), json);
    assertTrue(json.contains("\"kind\": \"SIP\""), json);
  }

  @Test
  void departedParticipantIsDisconnectedWithItsReason() {
    LivekitModels.ParticipantInfo p = RoomProtos.departed(CALLER, DisconnectReason.PARTICIPANT_REMOVED);

    assertEquals(LivekitModels.ParticipantInfo.State.DISCONNECTED, p.getState());
    assertEquals(LivekitModels.DisconnectReason.PARTICIPANT_REMOVED, p.getDisconnectReason());
  }

  @Test
  void referencesCarryOnlyWhatLiveKitPutsInTrackWebhooks() {
    LivekitModels.ParticipantInfo ref = RoomProtos.participantReference(CALLER);

    assertEquals(
        LivekitModels.ParticipantInfo.newBuilder().setSid("PA_9f3KxQm2LpZa").setIdentity("sip_+15105550100").build(),
        ref);
    assertEquals(
        LivekitModels.Room.newBuilder().setSid("RM_x").setName("r").build(),
        RoomProtos.roomReference(new RoomInfo("RM_x", "r", null, null, 0, JOINED, "metadata", 1, 1)));
  }

  @Test
  void everyEnumValueMapsToLiveKitsValueOfTheSameName() {
    for (DisconnectReason r : DisconnectReason.values()) {
      assertEquals(r.name(), RoomProtos.disconnectReason(r).name());
    }
    for (ParticipantKind k : ParticipantKind.values()) {
      assertEquals(k.name(), RoomProtos.kind(k).name());
    }
    for (TrackInfo.TrackSource s : TrackInfo.TrackSource.values()) {
      assertEquals(s.name(), RoomProtos.trackSource(s).name());
    }
    for (TrackInfo.TrackKind k : TrackInfo.TrackKind.values()) {
      assertEquals(k.name(), RoomProtos.trackType(k).name());
    }
  }

  @Test
  void unsetTimeoutsAreZero() {
    LivekitModels.Room room = RoomProtos.room(new RoomInfo("RM_x", "r", null, null, 0, JOINED, "", 0, 0));
    assertEquals(0, room.getEmptyTimeout());
    assertEquals(0, room.getDepartureTimeout());
  }
}
