package io.switchboard.sfu.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.media.audio.AudioSource;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.codec.opus.OpusRuntime;
import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.TokenVerifier;
import io.switchboard.protocol.auth.VerifiedToken;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.Room;
import io.switchboard.sfu.room.RoomConfigHooks;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.sfu.room.RoomFullException;
import io.switchboard.sfu.room.RoomManager;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.sfu.transport.WebRtcTransportConfig;
import io.switchboard.sfu.transport.dtls.DtlsCertificate;
import io.switchboard.sfu.transport.ice.DedicatedSockets;
import io.switchboard.sfu.transport.ice.IceConfig;
import io.switchboard.sfu.webrtc.PeerConnectionFactory;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import livekit.LivekitModels;
import livekit.LivekitRtc;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * RoomService MoveParticipant for a WebRTC client: one real session (real peer connections on
 * loopback, never connected) driven by the SignalRequests a client sends, over rooms whose events
 * run synchronously. The client's side is the recorded SignalResponses.
 */
class SignalSessionMoveTest {
  private static final String KEY = "APImove";
  private static final String SECRET = "a-secret-of-32-bytes-or-so-67890";

  private final Clock clock = Clock.systemUTC();
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final RoomManager rooms = new RoomManager(clock, scheduler, Runnable::run, Runnable::run,
      new RoomOptions(Duration.ofMinutes(5), Duration.ofSeconds(20), 0, ""), new SplittableRandom(3));
  private final List<RoomEvent> events = new CopyOnWriteArrayList<>();
  private final TokenVerifier verifier = new TokenVerifier(Map.of(KEY, SECRET), clock);
  private final SignalServer server = server(Map.of(KEY, SECRET));
  private final Client web = new Client();

  SignalSessionMoveTest() {
    rooms.addListener(events::add);
  }

  @AfterEach
  void stop() {
    web.session.onClosed();
    scheduler.shutdownNow();
    blocking.shutdownNow();
  }

  @Test
  void theClientKeepsItsSessionAndIsToldItsNewRoomWithATokenForIt() throws Exception {
    LocalParticipant phoneB = phone("b", "caller-b");
    web.join("a");
    String mic = web.publishMicrophone();

    LocalParticipant moved = move("a", "b").orElseThrow();

    LivekitRtc.RoomMovedResponse roomMoved = web.only(SignalResponse.MessageCase.ROOM_MOVED).getRoomMoved();
    assertEquals("b", roomMoved.getRoom().getName());
    assertEquals(moved.info().sid(), roomMoved.getParticipant().getSid());
    assertEquals("web", roomMoved.getParticipant().getIdentity());
    assertEquals("Web Client", roomMoved.getParticipant().getName());
    assertEquals("{\"team\":1}", roomMoved.getParticipant().getMetadata());
    assertEquals(Map.of("desk", "7"), roomMoved.getParticipant().getAttributesMap());
    assertTrue(roomMoved.getParticipant().getPermission().getCanPublish());
    assertEquals(List.of(mic), roomMoved.getParticipant().getTracksList().stream().map(LivekitModels.TrackInfo::getSid).toList(),
        "its microphone is published in the new room with the same sid");
    assertEquals(List.of(phoneB.info().sid()),
        roomMoved.getOtherParticipantsList().stream().map(LivekitModels.ParticipantInfo::getSid).toList());

    VerifiedToken token = verifier.verify(roomMoved.getToken());
    assertEquals(KEY, token.apiKey());
    assertEquals("b", token.grants().video().room());
    assertEquals("web", token.grants().identity());
    assertEquals(web.grants.video().toBuilder().room("b").build(), token.grants().video());
    assertEquals(Map.of("desk", "7"), token.grants().attributes());

    assertTrue(rooms.room("a").orElseThrow().participant("web").isEmpty(), "room a no longer lists it");
    assertEquals(List.of(mic), rooms.room("b").orElseThrow().participant("web").orElseThrow()
        .tracks().stream().map(t -> t.sid()).toList());
  }

  @Test
  void othersSeeItLeaveOneRoomAndJoinTheOtherAndItsTrackIsPublishedThere() {
    phone("b", "caller-b");
    web.join("a");
    String mic = web.publishMicrophone();
    events.clear();

    move("a", "b");

    var left = events.stream().filter(e -> e instanceof RoomEvent.ParticipantLeft).map(RoomEvent.ParticipantLeft.class::cast).toList();
    assertEquals(1, left.size());
    assertEquals("a", left.getFirst().room().name());
    assertEquals(DisconnectReason.MIGRATION, left.getFirst().reason());
    assertTrue(events.stream().anyMatch(e -> e instanceof RoomEvent.TrackUnpublished u
        && u.room().name().equals("a") && u.track().sid().equals(mic)));
    assertTrue(events.stream().anyMatch(e -> e instanceof RoomEvent.ParticipantJoined j
        && j.room().name().equals("b") && j.participant().identity().equals("web")));
    assertTrue(events.stream().anyMatch(e -> e instanceof RoomEvent.TrackPublished p
        && p.room().name().equals("b") && p.track().sid().equals(mic)));
    assertTrue(server.tracks().forwarded(mic).isPresent(), "subscribers in b get the client's own packets");
  }

  @Test
  void itStopsReceivingTheOldRoomsTracksAndSubscribesToTheNewOnes() {
    LocalParticipant phoneA = phone("a", "caller-a");
    LocalParticipant phoneB = phone("b", "caller-b");
    String trackA = phoneA.info().tracks().getFirst().sid();
    String trackB = phoneB.info().tracks().getFirst().sid();
    web.join("a");
    var firstOffer = web.only(SignalResponse.MessageCase.OFFER).getOffer();
    assertTrue(firstOffer.getMidToTrackIdMap().containsValue(trackA), firstOffer.getMidToTrackIdMap().toString());

    move("a", "b");
    web.answer(firstOffer); // one offer at a time: the move's offer follows the answer

    var offers = web.all(SignalResponse.MessageCase.OFFER);
    assertEquals(2, offers.size());
    Map<String, String> sections = offers.get(1).getOffer().getMidToTrackIdMap();
    assertTrue(sections.containsValue(trackB), "subscribes to b's phone: " + sections);
    assertFalse(sections.containsValue(trackA), "no longer receives a's phone: " + sections);
    int roomMovedAt = web.indexOf(SignalResponse.MessageCase.ROOM_MOVED);
    assertTrue(roomMovedAt >= 0 && roomMovedAt < web.lastIndexOf(SignalResponse.MessageCase.OFFER),
        "the client hears of the move before the offer that carries the new room's tracks");
  }

  @Test
  void theOldRoomsNewsNoLongerReachesItButTheNewRoomsDoes() {
    LocalParticipant phoneA = phone("a", "caller-a");
    web.join("a");
    move("a", "b");
    web.received.clear();

    phoneA.updateMetadata("still in a");
    phone("a", "late-a");
    phone("b", "late-b");

    String seen = web.received.stream().filter(r -> r.hasUpdate())
        .flatMap(r -> r.getUpdate().getParticipantsList().stream()).map(LivekitModels.ParticipantInfo::getIdentity)
        .distinct().collect(Collectors.joining(","));
    assertEquals("late-b", seen);
  }

  @Test
  void aFullDestinationLeavesTheClientWhereItWas() {
    rooms.getOrCreate("small", new RoomOptions(null, null, 1, null));
    phone("small", "only");
    web.join("a");
    String mic = web.publishMicrophone();

    assertThrows(RoomFullException.class,
        () -> move("a", "small"));

    assertTrue(web.all(SignalResponse.MessageCase.ROOM_MOVED).isEmpty());
    assertEquals(List.of(mic), rooms.room("a").orElseThrow().participant("web").orElseThrow()
        .tracks().stream().map(t -> t.sid()).toList());
    assertTrue(rooms.room("small").orElseThrow().participant("web").isEmpty());
    phone("a", "after");
    assertEquals("after", web.received.getLast().getUpdate().getParticipants(0).getIdentity(),
        "it still hears its room");
  }

  @Test
  void anInProcessParticipantWithoutAMovableOwnerIsStillRefused() {
    web.join("a");
    Room a = rooms.room("a").orElseThrow();
    LocalParticipant stale = a.join(new ParticipantSpec("web2", "", ParticipantKind.STANDARD, "", Map.of()),
        ParticipantListener.NONE);
    assertInstanceOf(UnsupportedOperationException.class,
        assertThrows(RuntimeException.class, () -> a.move("web2", rooms.getOrCreate("b", RoomOptions.UNSET))),
        "an in-process participant without a movable owner is refused");
    assertTrue(stale.isConnected());
  }

  private SignalServer server(Map<String, String> secrets) {
    return new SignalServer(rooms, verifier,
        new PeerConnectionFactory(
            WebRtcTransportConfig.defaults(new IceConfig(DedicatedSockets.ephemeral(InetAddress.getLoopbackAddress()))),
            DtlsCertificate.generate(clock, Duration.ofDays(1), new SecureRandom()), blocking, clock, scheduler),
        OpusRuntime.load().codec(), SignalSettings.defaults(), Runnable::run, RoomConfigHooks.NONE, secrets);
  }

  private java.util.Optional<LocalParticipant> move(String from, String to) {
    return rooms.room(from).orElseThrow().move("web", rooms.getOrCreate(to, RoomOptions.UNSET));
  }

  @Test
  void withoutTheSecretOfItsTokensKeyTheClientStaysAndTheErrorSaysWhy() {
    web.join("a", server(Map.of()));

    var refused = assertThrows(IllegalStateException.class, () -> move("a", "b"));

    assertTrue(refused.getMessage().contains("no secret for API key \"" + KEY + "\""), refused.getMessage());
    assertTrue(rooms.room("a").orElseThrow().participant("web").isPresent());
    assertTrue(rooms.room("b").orElseThrow().participant("web").isEmpty());
    assertTrue(web.all(SignalResponse.MessageCase.ROOM_MOVED).isEmpty());
  }

  private LocalParticipant phone(String room, String identity) {
    LocalParticipant p = rooms.getOrCreate(room, RoomOptions.UNSET)
        .join(new ParticipantSpec(identity, "", ParticipantKind.SIP, "", Map.of()), ParticipantListener.NONE);
    p.publishAudio("phone", new Silence());
    return p;
  }

  /** A LiveKit client as the session sees it: the requests it sends, the responses it got. */
  private final class Client implements SignalSink {
    final List<SignalResponse> received = new CopyOnWriteArrayList<>();
    ClaimGrants grants;
    SignalSession session;

    void join(String room) {
      join(room, server);
    }

    void join(String room, SignalServer server) {
      grants = ClaimGrants.builder().identity("web").name("Web Client").metadata("{\"team\":1}")
          .attributes(Map.of("desk", "7"))
          .video(VideoGrant.builder().roomJoin(true).room(room).canPublish(true).canSubscribe(true).build())
          .build();
      String token = new TokenIssuer(KEY, SECRET, clock).issue(grants, Duration.ofMinutes(30));
      var admitted = assertInstanceOf(Admission.Admitted.class,
          server.admit(Map.of("access_token", token, "protocol", "16"), null));
      session = server.open(admitted.params(), this);
      assertTrue(received.getFirst().hasJoin(), received.toString());
    }

    String publishMicrophone() {
      send(LivekitRtc.SignalRequest.newBuilder().setAddTrack(LivekitRtc.AddTrackRequest.newBuilder()
          .setCid("mic-cid").setName("microphone").setType(LivekitModels.TrackType.AUDIO)
          .setSource(LivekitModels.TrackSource.MICROPHONE)).build());
      return only(SignalResponse.MessageCase.TRACK_PUBLISHED).getTrackPublished().getTrack().getSid();
    }

    /** Answers an offer as a browser would (its own ICE credentials, active DTLS, no candidates). */
    void answer(LivekitRtc.SessionDescription offer) {
      String sdp = offer.getSdp().lines()
          .filter(l -> !l.startsWith("a=candidate"))
          .map(l -> l.startsWith("a=ice-ufrag:") ? "a=ice-ufrag:brws"
              : l.startsWith("a=ice-pwd:") ? "a=ice-pwd:browserbrowserbrowserpw"
              : l.replace("a=setup:actpass", "a=setup:active"))
          .collect(Collectors.joining("\r\n", "", "\r\n"));
      send(LivekitRtc.SignalRequest.newBuilder().setAnswer(LivekitRtc.SessionDescription.newBuilder()
          .setType("answer").setSdp(sdp).setId(offer.getId())).build());
    }

    void send(LivekitRtc.SignalRequest request) {
      session.onMessage(request.toByteArray());
    }

    List<SignalResponse> all(SignalResponse.MessageCase kind) {
      return received.stream().filter(r -> r.getMessageCase() == kind).toList();
    }

    SignalResponse only(SignalResponse.MessageCase kind) {
      var all = all(kind);
      assertEquals(1, all.size(), kind + " in " + received);
      return all.getFirst();
    }

    int indexOf(SignalResponse.MessageCase kind) {
      for (int i = 0; i < received.size(); i++) {
        if (received.get(i).getMessageCase() == kind) {
          return i;
        }
      }
      return -1;
    }

    int lastIndexOf(SignalResponse.MessageCase kind) {
      for (int i = received.size() - 1; i >= 0; i--) {
        if (received.get(i).getMessageCase() == kind) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public void send(SignalResponse response) {
      received.add(response);
    }

    @Override
    public void close() {}
  }

  private static final class Silence implements AudioSource {
    @Override
    public int sampleRate() {
      return 48_000;
    }

    @Override
    public boolean read(PcmFrame into) {
      return false;
    }
  }
}
