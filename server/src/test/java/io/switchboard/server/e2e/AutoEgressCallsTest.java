package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.livekit.server.AccessToken;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.EgressServiceClient;
import io.livekit.server.RoomCreate;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.livekit.server.WebhookReceiver;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.RoomEvent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import livekit.LivekitEgress.AutoParticipantEgress;
import livekit.LivekitEgress.EgressInfo;
import livekit.LivekitEgress.EgressStatus;
import livekit.LivekitEgress.EncodedFileOutput;
import livekit.LivekitRoom.RoomConfiguration;
import livekit.LivekitRoom.RoomEgress;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LiveKit's automatic egress with real phones (baresip): a dispatch rule's
 * {@code room_config.egress.participant} gives each caller a file of its own, lasting as long as
 * the caller was in the room; CreateRoom's {@code egress.room} records the room it creates.
 */
class AutoEgressCallsTest {
  private static final int RATE = 8000;
  private static final double TONE_A = 440;
  private static final double TONE_B = 1000;
  private static final String NUMBER = "+15550123";

  @TempDir Path dir;
  private RunningSwitchboard server;
  private HttpServer receiver;
  private final List<WebhookEvent> webhooks = new CopyOnWriteArrayList<>();
  private final WebhookReceiver verifier = new WebhookReceiver(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
  /** SIP participants' identity → nanoTime of joining, and of leaving. */
  private final Map<String, Long> joinedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> leftAt = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    assumeTrue(Decoder.installed() || System.getenv("CI") != null, "ffmpeg is not installed");
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      webhooks.add(verifier.receive(body, exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    server = RunningSwitchboard.withWebhook(dir.resolve("data"),
        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"));
    server.server().rooms().addListener(event -> {
      switch (event) {
        case RoomEvent.ParticipantJoined j when j.participant().kind() == ParticipantKind.SIP ->
            joinedAt.put(j.participant().identity(), nanos(j.participant().joinedAt()));
        case RoomEvent.ParticipantLeft l when l.participant().kind() == ParticipantKind.SIP ->
            leftAt.put(l.participant().identity(), epochNanos());
        default -> {}
      }
    });
  }

  private static long epochNanos() {
    return nanos(java.time.Instant.now());
  }

  private static long nanos(java.time.Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aDispatchRulesParticipantEgressGivesEachCallerAFileOfItsOwn() throws Exception {
    AutoParticipantEgress perCaller = AutoParticipantEgress.newBuilder()
        .addFileOutputs(EncodedFileOutput.newBuilder().setFilepath("auto/{room_name}/{publisher_identity}.ogg"))
        .build();
    provision("lobby", RoomConfiguration.newBuilder().setEgress(RoomEgress.newBuilder().setParticipant(perCaller)).build());
    EgressServiceClient egress =
        EgressServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    String uri = "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), tone(TONE_A, "a.wav"));
        Baresip b = new Baresip(dir.resolve("b"), "bob", FreePorts.pair(), tone(TONE_B, "b.wav"))) {
      a.dial(uri, Duration.ofSeconds(9));
      awaitParticipants("lobby", 1);
      b.dial(uri, Duration.ofSeconds(5));
      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
      assertTrue(b.awaitExit(Duration.ofSeconds(30)), "bob's phone did not finish");
    }
    List<EgressInfo> done = complete(egress, "lobby", 2);
    assertEquals(2, joinedAt.size(), "two callers joined: " + joinedAt);
    for (EgressInfo info : done) {
      String identity = info.getParticipant().getIdentity();
      assertEquals("auto/lobby/" + identity + ".ogg", info.getFileResults(0).getFilename());
      WavFile played = Decoder.decode(Path.of(info.getFileResults(0).getLocation()));
      // In the room: from the server's join timestamp until the server handled the leave. The
      // recording is ended (ended_at stamped) by the first listener to see the leave; this test's
      // listener sees it only after that one finished the file, so its own reading is later.
      long left = Math.min(leftAt.get(identity), info.getEndedAt());
      double inRoom = (left - joinedAt.get(identity)) / 1e9;
      Heard heard = new Heard(WavFile.mono(played.sampleRate(), played.channel(0)));
      boolean isAlice = identity.contains("alice"); // baresip's user: sip_alice
      double own = isAlice ? TONE_A : TONE_B;
      double other = isAlice ? TONE_B : TONE_A;
      int from = heard.settledMillisOf(own, 500);
      double ownLevel = heard.medianLevel(from, 2000, own);
      double otherLevel = heard.medianLevel(from, 2000, other);
      assertTrue(ownLevel > 2000, identity + " holds its own tone: " + ownLevel);
      assertTrue(otherLevel < ownLevel / 30, identity + " does not hold the other caller's tone: " + otherLevel);
      assertEquals(-1, heard.firstMillisWith(other), identity + ": the other caller's tone is never there");
      System.out.printf("auto egress %s: in room %.3f s, file %.3f s, started %+.3f s after joining, ended %+.3f s after"
              + " leaving, own tone %.0f, other %.0f%n", identity, inRoom, played.durationSeconds(),
          (info.getStartedAt() - joinedAt.get(identity)) / 1e9, (info.getEndedAt() - leftAt.get(identity)) / 1e9,
          ownLevel, otherLevel);
      // The recording starts when the room's event thread hands the caller's first track to the
      // recorder: 5-70 ms after the join on an idle machine, up to ~330 ms seen with a load
      // average of 7 on 2 cores (the first caller of a room waits behind the room's start). The
      // bound leaves room for that: a lost second, or a file cut at the wrong leave, still fails.
      assertEquals(inRoom, played.durationSeconds(), 0.5, identity + "'s file against its time in the room");
      assertEquals(info.getFileResults(0).getDuration() / 1e9, played.durationSeconds(), 0.03, "reported duration");
    }
    awaitWebhooks(done);
  }

  @Test
  void createRoomsRoomEgressRecordsTheRoomItCreates() throws Exception {
    createRoom("{\"name\":\"conf\",\"egress\":{\"room\":{\"file_outputs\":[{\"filepath\":\"rooms/{room_name}.ogg\"}]}}}");
    provision("conf", null);
    EgressServiceClient egress =
        EgressServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    List<EgressInfo> running = ok(egress.listEgress("conf", null, true).execute());
    assertEquals(1, running.size(), "CreateRoom started the room's recording: " + running);
    assertTrue(running.getFirst().getRoomComposite().getAudioOnly());
    String uri = "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
    try (Baresip a = new Baresip(dir.resolve("a"), "alice", FreePorts.pair(), tone(TONE_A, "a.wav"))) {
      a.dial(uri, Duration.ofSeconds(5));
      assertTrue(a.awaitExit(Duration.ofSeconds(30)), "alice's phone did not finish");
    }
    EgressInfo info = complete(egress, "conf", 1).getFirst();
    assertEquals("rooms/conf.ogg", info.getFileResults(0).getFilename());
    WavFile played = Decoder.decode(Path.of(info.getFileResults(0).getLocation()));
    Heard heard = new Heard(WavFile.mono(played.sampleRate(), played.channel(0)));
    int from = heard.settledMillisOf(TONE_A, 500);
    assertTrue(heard.medianLevel(from, 2000, TONE_A) > 2000, "the caller's tone is recorded");
    assertTrue(played.durationSeconds() > 3, "the recording lasts the call: " + played.durationSeconds());
  }

  private List<EgressInfo> complete(EgressServiceClient egress, String room, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<EgressInfo> all = ok(egress.listEgress(room, null, false).execute());
      if (all.size() == count && all.stream().allMatch(i -> i.getStatus() == EgressStatus.EGRESS_COMPLETE)) {
        for (EgressInfo i : all) {
          Path local = Path.of(i.getFileResults(0).getLocation());
          assertTrue(Files.isRegularFile(local), "the file is where EgressInfo says: " + local);
        }
        return all;
      }
      assertTrue(System.nanoTime() < deadline, "not " + count + " complete recordings: " + all);
      Thread.sleep(100);
    }
  }

  /** egress_started and egress_ended (COMPLETE) arrive for each recording. */
  private void awaitWebhooks(List<EgressInfo> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (EgressInfo info : done) {
      while (!(has("egress_started", info, EgressStatus.EGRESS_STARTING) && has("egress_ended", info, EgressStatus.EGRESS_COMPLETE))) {
        assertTrue(System.nanoTime() < deadline, "webhooks for " + info.getEgressId() + " missing: "
            + webhooks.stream().map(w -> w.getEvent() + " " + w.getEgressInfo().getEgressId()).toList());
        Thread.sleep(50);
      }
    }
  }

  private boolean has(String event, EgressInfo info, EgressStatus status) {
    return webhooks.stream().anyMatch(w -> w.getEvent().equals(event)
        && w.getEgressInfo().getEgressId().equals(info.getEgressId()) && w.getEgressInfo().getStatus() == status);
  }

  private void createRoom(String json) throws Exception {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.addGrants(new RoomCreate(true));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/twirp/livekit.RoomService/CreateRoom"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token.toJwt())
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
    }
  }

  private void provision(String room, RoomConfiguration roomConfig) throws Exception {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    if (roomConfig != null) {
      ruleOptions.setRoomConfig(roomConfig);
    }
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(room, ""), ruleOptions).execute());
  }

  private void awaitParticipants(String room, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (server.server().rooms().room(room).map(r -> r.participants().size()).orElse(0) < count) {
      assertTrue(System.nanoTime() < deadline, "nobody joined the room");
      Thread.sleep(50);
    }
  }

  private Path tone(double frequency, String name) {
    Path path = dir.resolve(name);
    WavFile.mono(RATE, ToneGenerator.tone(frequency, 8000, RATE, RATE * 20)).write(path);
    return path;
  }
}
