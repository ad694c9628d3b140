package io.switchboard.server.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.protocol.auth.ClaimGrants;
import io.switchboard.protocol.auth.TokenIssuer;
import io.switchboard.protocol.auth.VideoGrant;
import io.switchboard.server.testing.RunningSwitchboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels;
import livekit.LivekitRtc;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.SignalResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LiveKit's /rtc protocol at the message level, as the reference describes it. */
class RtcSignallingTest {
  @TempDir Path data;
  private RunningSwitchboard server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final TokenIssuer issuer =
      new TokenIssuer(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET, Clock.systemUTC());

  @BeforeEach
  void start() throws Exception {
    server = new RunningSwitchboard(data);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String token(String identity, VideoGrant video) {
    return issuer.issue(ClaimGrants.builder().identity(identity).name(identity).video(video).build(), Duration.ofMinutes(5));
  }

  private static VideoGrant join(String room) {
    return VideoGrant.builder().roomJoin(true).room(room).canUpdateOwnMetadata(true).build();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String ws(String path) {
    return server.url().replaceFirst("^http", "ws") + path;
  }

  @Test
  void validateAnswersWithLiveKitsStatuses() throws Exception {
    HttpResponse<String> ok = get("/rtc/validate?access_token=" + token("v", join("r")) + "&protocol=17");
    assertEquals(200, ok.statusCode());
    assertEquals("success", ok.body());
    assertEquals("*", ok.headers().firstValue("access-control-allow-origin").orElseThrow());

    String wrongSecret = new TokenIssuer(RunningSwitchboard.API_KEY, "not-the-secret", Clock.systemUTC())
        .issue(ClaimGrants.builder().identity("v").video(join("r")).build(), Duration.ofMinutes(5));
    Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
    String expired = new TokenIssuer(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET, past)
        .issue(ClaimGrants.builder().identity("v").video(join("r")).build(), Duration.ofMinutes(5));
    String noJoin = token("v", VideoGrant.builder().room("r").build());
    for (var bad : Map.of("none", "", "wrong secret", wrongSecret, "expired", expired, "no roomJoin", noJoin).entrySet()) {
      HttpResponse<String> refused = get("/rtc/validate?access_token=" + bad.getValue());
      assertEquals(401, refused.statusCode(), bad.getKey() + ": " + refused.body());
    }
    HttpResponse<String> bearer = http.send(
        HttpRequest.newBuilder(URI.create(server.url() + "/rtc/validate"))
            .header("Authorization", "Bearer " + token("v", join("r"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, bearer.statusCode(), "the Rust SDK sends the token only as a header");
  }

  @Test
  void singlePeerConnectionPathsAnswer404SoClientsFallBackAndPlainRtcIs404() throws Exception {
    assertEquals(404, get("/rtc/v1/validate?access_token=" + token("v", join("r"))).statusCode());
    assertEquals(404, get("/rtc").statusCode(), "a request to /rtc without an upgrade");
    var v1 = assertThrows(CompletionException.class,
        () -> SignalClient.connect(ws("/rtc/v1?access_token=" + token("v", join("r")))).join());
    assertEquals(404, assertInstanceOf(WebSocketHandshakeException.class, v1.getCause()).getResponse().statusCode());
    var bad = assertThrows(CompletionException.class, () -> SignalClient.connect(ws("/rtc?access_token=nope")).join());
    assertEquals(401, assertInstanceOf(WebSocketHandshakeException.class, bad.getCause()).getResponse().statusCode());
  }

  @Test
  void joinPingPublishMuteUpdateAndLeave() throws Exception {
    try (SignalClient client =
        SignalClient.connect(ws("/rtc?access_token=" + token("ada", join("lab")) + "&protocol=17&auto_subscribe=1")).join()) {
      SignalResponse first = client.next();
      assertTrue(first.hasJoin(), "the first message is the JoinResponse: " + first);
      LivekitRtc.JoinResponse join = first.getJoin();
      assertEquals("lab", join.getRoom().getName());
      assertTrue(join.getRoom().getSid().startsWith("RM_"));
      assertTrue(join.getParticipant().getSid().startsWith("PA_"));
      assertEquals("ada", join.getParticipant().getIdentity());
      assertEquals(5, join.getPingInterval());
      assertEquals(15, join.getPingTimeout());
      assertTrue(join.getSubscriberPrimary());
      assertTrue(join.getServerInfo().getVersion().matches("\\d+\\.\\d+\\.\\d+"), join.getServerInfo().getVersion());
      assertEquals(17, join.getServerInfo().getProtocol());
      assertEquals(List.of("audio/opus", "video/VP8", "video/H264"),
          join.getEnabledPublishCodecsList().stream().map(LivekitModels.Codec::getMime).toList(), "only what is forwarded");
      assertTrue(join.getEnabledPublishCodecs(2).getFmtpLine().contains("profile-level-id=42e01f"));
      assertEquals(LivekitModels.ClientConfigSetting.DISABLED, join.getClientConfiguration().getResumeConnection());

      SignalResponse offer = client.next();
      assertTrue(offer.hasOffer(), "subscriber-primary: the server offers at once, with nothing to subscribe: " + offer);
      String sdp = offer.getOffer().getSdp();
      assertTrue(sdp.contains("a=setup:actpass") && sdp.contains("a=fingerprint:sha-256 ")
          && sdp.contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel") && sdp.contains("a=sctp-port:5000")
          && sdp.contains(" typ host"), sdp);

      client.send(SignalRequest.newBuilder().setPingReq(LivekitRtc.Ping.newBuilder().setTimestamp(12345)).build());
      LivekitRtc.Pong pong = client.next(SignalResponse::hasPongResp).getPongResp();
      assertEquals(12345, pong.getLastPingTimestamp());
      assertTrue(pong.getTimestamp() > 1_700_000_000_000L, "server time in ms");
      client.send(SignalRequest.newBuilder().setPing(777).build());
      assertTrue(client.next(r -> r.getMessageCase() == SignalResponse.MessageCase.PONG).getPong() > 1_700_000_000_000L);

      client.send(SignalRequest.newBuilder().setAddTrack(LivekitRtc.AddTrackRequest.newBuilder()
          .setCid("mic-1").setName("mic").setType(LivekitModels.TrackType.AUDIO)
          .setSource(LivekitModels.TrackSource.MICROPHONE)).build());
      LivekitRtc.TrackPublishedResponse published = client.next(SignalResponse::hasTrackPublished).getTrackPublished();
      assertEquals("mic-1", published.getCid());
      String trackSid = published.getTrack().getSid();
      assertTrue(trackSid.startsWith("TR_"), trackSid);
      LivekitModels.ParticipantInfo withTrack = client.next(r -> r.hasUpdate()
          && r.getUpdate().getParticipants(0).getTracksCount() == 1).getUpdate().getParticipants(0);

      client.send(SignalRequest.newBuilder().setMute(LivekitRtc.MuteTrackRequest.newBuilder().setSid(trackSid).setMuted(true)).build());
      LivekitModels.ParticipantInfo muted = client.next(r -> r.hasUpdate()
          && r.getUpdate().getParticipants(0).getTracks(0).getMuted()).getUpdate().getParticipants(0);
      assertTrue(muted.getVersion() > withTrack.getVersion(), "versions increase");
      server.server().rooms().room("lab").orElseThrow().setTrackMuted("ada", trackSid, false); // RoomService
      LivekitRtc.MuteTrackRequest told = client.next(SignalResponse::hasMute).getMute();
      assertEquals(trackSid, told.getSid());
      assertFalse(told.getMuted(), "a remote unmute is told to the publisher");

      client.send(SignalRequest.newBuilder().setUpdateMetadata(LivekitRtc.UpdateParticipantMetadata.newBuilder()
          .setRequestId(9).setMetadata("m").setName("Ada L.").putAttributes("k", "v")).build());
      LivekitModels.ParticipantInfo echoed = client.next(r -> r.hasUpdate()
          && r.getUpdate().getParticipants(0).getName().equals("Ada L.")).getUpdate().getParticipants(0);
      assertEquals("m", echoed.getMetadata());
      assertEquals("v", echoed.getAttributesMap().get("k"));
      LivekitRtc.RequestResponse done = client.next(SignalResponse::hasRequestResponse).getRequestResponse();
      assertEquals(9, done.getRequestId());
      assertEquals(LivekitRtc.RequestResponse.Reason.OK, done.getReason());

      client.send(SignalRequest.newBuilder().setAddTrack(LivekitRtc.AddTrackRequest.newBuilder()
          .setCid("cam").setType(LivekitModels.TrackType.VIDEO).setSource(LivekitModels.TrackSource.CAMERA)
          .setWidth(1280).setHeight(720)).build());
      LivekitRtc.TrackPublishedResponse camera = client.next(SignalResponse::hasTrackPublished).getTrackPublished();
      assertEquals("cam", camera.getCid());
      assertEquals(LivekitModels.TrackType.VIDEO, camera.getTrack().getType());
      assertEquals(LivekitModels.TrackSource.CAMERA, camera.getTrack().getSource());
      assertEquals(1280, camera.getTrack().getWidth());

      client.send(SignalRequest.newBuilder().setAddTrack(LivekitRtc.AddTrackRequest.newBuilder()
          .setCid("data").setType(LivekitModels.TrackType.DATA)).build());
      assertEquals(LivekitRtc.RequestResponse.Reason.UNSUPPORTED_TYPE,
          client.next(SignalResponse::hasRequestResponse).getRequestResponse().getReason());

      client.send(SignalRequest.newBuilder().setLeave(LivekitRtc.LeaveRequest.newBuilder()
          .setReason(LivekitModels.DisconnectReason.CLIENT_INITIATED)).build());
      client.closed.get(10, TimeUnit.SECONDS);
      assertFalse(server.server().rooms().room("lab").orElseThrow().participant("ada").isPresent());
    }
  }

  @Test
  void joinResponseCarriesTheConfiguredIceServersWithCredentials() throws Exception {
    server.close();
    var stun = new io.switchboard.server.config.RtcConfig.IceServer(List.of("stun:stun.example.com:3478"), null, null);
    var turn = new io.switchboard.server.config.RtcConfig.IceServer(
        List.of("turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"), "alice", "s3cret");
    server = new RunningSwitchboard(data.resolve("ice"), c -> c.withRtc(
        new io.switchboard.server.config.RtcConfig(List.of(stun, turn), null, null, null, null, 0, null)));
    try (SignalClient client = SignalClient.connect(ws("/rtc?access_token=" + token("ice", join("ice")))).join()) {
      LivekitRtc.JoinResponse join = client.next().getJoin();
      assertEquals(2, join.getIceServersCount(), join.toString());
      assertEquals(List.of("stun:stun.example.com:3478"), join.getIceServers(0).getUrlsList());
      assertEquals(List.of("turn:turn.example.com:3478?transport=udp", "turns:turn.example.com:5349"),
          join.getIceServers(1).getUrlsList());
      assertEquals("alice", join.getIceServers(1).getUsername());
      assertEquals("s3cret", join.getIceServers(1).getCredential());
    }
  }

  @Test
  void existingTracksAreInTheFirstOfferOrSubscribedOnRequestWithoutAutoSubscribe() throws Exception {
    var room = server.server().rooms().getOrCreate("calls", io.switchboard.sfu.room.RoomOptions.UNSET);
    var caller = room.join(new io.switchboard.sfu.room.ParticipantSpec("sip_+15550100", "", io.switchboard.sfu.room.ParticipantKind.SIP, "", Map.of()),
        io.switchboard.sfu.room.ParticipantListener.NONE);
    String callerSid = caller.info().sid();
    String track = caller.publishAudio("phone", new Silence()).sid();
    String msid = "a=msid:" + callerSid + "|" + track + " " + track;

    try (SignalClient auto = SignalClient.connect(ws("/rtc?access_token=" + token("auto", join("calls")))).join()) {
      LivekitRtc.JoinResponse join = auto.next().getJoin();
      assertEquals(LivekitModels.ParticipantInfo.Kind.SIP, join.getOtherParticipants(0).getKind());
      assertEquals(track, join.getOtherParticipants(0).getTracks(0).getSid());
      LivekitRtc.SessionDescription offer = auto.next(SignalResponse::hasOffer).getOffer();
      assertTrue(offer.getSdp().contains(msid), "fast start: the caller's track is in the first offer\n" + offer.getSdp());
      assertEquals(track, offer.getMidToTrackIdMap().get("1"));
    }
    try (SignalClient manual = SignalClient.connect(
        ws("/rtc?access_token=" + token("manual", join("calls")) + "&auto_subscribe=0")).join()) {
      manual.next();
      LivekitRtc.SessionDescription first = manual.next(SignalResponse::hasOffer).getOffer();
      assertFalse(first.getSdp().contains("m=audio"), first.getSdp());
      String answer = first.getSdp().replace("a=setup:actpass", "a=setup:active"); // a stand-in answer
      manual.send(SignalRequest.newBuilder().setAnswer(LivekitRtc.SessionDescription.newBuilder()
          .setType("answer").setSdp(answer).setId(first.getId())).build());
      manual.send(SignalRequest.newBuilder().setSubscription(LivekitRtc.UpdateSubscription.newBuilder()
          .addTrackSids(track).setSubscribe(true)).build());
      LivekitRtc.SessionDescription second = manual.next(SignalResponse::hasOffer).getOffer();
      assertTrue(second.getSdp().contains(msid), second.getSdp());
      assertTrue(second.getId() > first.getId(), "offer ids increase");
    }
  }

  private static final class Silence implements io.switchboard.media.audio.AudioSource {
    @Override
    public int sampleRate() {
      return 8000;
    }

    @Override
    public boolean read(io.switchboard.media.audio.PcmFrame into) {
      return false;
    }
  }

  @Test
  void aResumeIsAnsweredWithAFullReconnectRequest() throws Exception {
    try (SignalClient client = SignalClient.connect(
        ws("/rtc?access_token=" + token("rae", join("res")) + "&reconnect=1&sid=PA_gone")).join()) {
      LivekitRtc.LeaveRequest leave = client.next().getLeave();
      assertEquals(LivekitModels.DisconnectReason.STATE_MISMATCH, leave.getReason());
      assertEquals(LivekitRtc.LeaveRequest.Action.RECONNECT, leave.getAction());
      client.closed.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSecondJoinWithTheSameIdentityReplacesTheFirst() throws Exception {
    try (SignalClient first = SignalClient.connect(ws("/rtc?access_token=" + token("sam", join("dup")))).join()) {
      String firstSid = first.next().getJoin().getParticipant().getSid();
      try (SignalClient second = SignalClient.connect(ws("/rtc?access_token=" + token("sam", join("dup")))).join()) {
        assertTrue(second.next().hasJoin());
        LivekitRtc.LeaveRequest leave = first.next(SignalResponse::hasLeave).getLeave();
        assertEquals(LivekitModels.DisconnectReason.DUPLICATE_IDENTITY, leave.getReason());
        assertEquals(LivekitRtc.LeaveRequest.Action.DISCONNECT, leave.getAction());
        first.closed.get(10, TimeUnit.SECONDS);
        String now = server.server().rooms().room("dup").orElseThrow().participant("sam").orElseThrow().sid();
        assertFalse(now.equals(firstSid), "the second session holds the identity");
      }
    }
  }
}
