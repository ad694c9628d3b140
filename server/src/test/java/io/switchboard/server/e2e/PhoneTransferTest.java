package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.AccessToken;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomName;
import io.livekit.server.SIPCall;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.livekit.server.TransferSipParticipantOptions;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.RoomEvent;
import io.switchboard.server.testing.RunningSwitchboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold transfer carried out by a real phone: baresip, as the transferee, takes our REFER,
 * calls the target (a second baresip) itself and reports that call in NOTIFYs, after which
 * TransferSIPParticipant answers and our leg hangs up.
 */
class PhoneTransferTest {
  private static final int RATE = 8000;
  private static final String NUMBER = "+15550177";
  private static final String ROOM = "desk";
  private static final double TRANSFER_TONE = 425;

  @TempDir Path dir;
  private RunningSwitchboard server;
  private SipServiceClient sip;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
    sip = SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    var trunk = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), ruleOptions).execute());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void baresipCarriesOutTheTransferToAnotherPhone() throws Exception {
    int bobPort = FreePorts.pair();
    try (Baresip alice = phone("alice", FreePorts.pair());
        Baresip bob = phone("bob", bobPort);
        BaresipControl aliceKeys = alice.start(Duration.ofSeconds(60));
        BaresipControl bobKeys = bob.start(Duration.ofSeconds(60))) {
      aliceKeys.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());
      aliceKeys.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));
      assertTrue(server.server().rooms().room(ROOM).orElseThrow().participant("sip_alice").isPresent());
      CountDownLatch aliceLeft = new CountDownLatch(1);
      server.server().rooms().addListener(event -> {
        if (event instanceof RoomEvent.ParticipantLeft left && left.participant().identity().equals("sip_alice")) {
          aliceLeft.countDown();
        }
      });

      var transfer = CompletableFuture.supplyAsync(() -> {
        try {
          return sip.transferSipParticipant(ROOM, "sip_alice", "sip:bob@127.0.0.1:" + bobPort,
              new TransferSipParticipantOptions(true)).execute();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      String incoming;
      try {
        incoming = bobKeys.awaitEvent("CALL_INCOMING", Duration.ofSeconds(30));
      } catch (AssertionError notCalled) {
        String outcome = transfer.isDone() ? "transfer answered: " + transfer.handle((r, e) -> e != null ? e.toString()
            : "HTTP " + r.code() + " " + errorBody(r)).join() : "transfer still running";
        throw new AssertionError(notCalled.getMessage() + "; " + outcome + "\nalice's log:\n" + alice.log(), notCalled);
      }
      assertTrue(incoming.contains("alice"), "bob is called by alice herself: " + incoming);
      bobKeys.command("accept", "");
      bobKeys.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));

      var response = transfer.get(30, TimeUnit.SECONDS);
      assertTrue(response.isSuccessful(), () -> "HTTP " + response.code() + " " + errorBody(response));
      aliceKeys.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10)); // our BYE on the transferred leg
      // The call sends its BYE and then leaves the room: alice's phone may report the BYE first.
      assertTrue(aliceLeft.await(10, TimeUnit.SECONDS), "the caller left the room");
      assertTrue(server.server().rooms().room(ROOM).flatMap(r -> r.participant("sip_alice")).isEmpty(),
          "the caller left the room");
      assertEquals(0, server.server().rooms().room(ROOM).map(r -> r.participants().size()).orElse(0));

      aliceKeys.command("quit", "");
      bobKeys.command("quit", "");
    }
  }

  /**
   * play_dialtone: while the transfer runs alice hears our 425 Hz ringing tone (1 s on, 4 s off),
   * not the room. Bob never answers, so the transfer's ringing_timeout (2 s here) ends it with
   * deadline_exceeded, and alice's call with the room goes on.
   */
  @Test
  void theCallerHearsRingingWhileTransferredAndStaysWhenNobodyAnswers() throws Exception {
    int bobPort = FreePorts.pair();
    try (Baresip alice = phone("alice", FreePorts.pair());
        Baresip bob = phone("bob", bobPort);
        BaresipControl aliceKeys = alice.start(Duration.ofSeconds(60));
        BaresipControl bobKeys = bob.start(Duration.ofSeconds(60))) {
      aliceKeys.command("dial", "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort());
      aliceKeys.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(15));

      HttpResponse<String> response = transferByJson("{\"room_name\":\"" + ROOM + "\",\"participant_identity\":\"sip_alice\","
          + "\"transfer_to\":\"sip:bob@127.0.0.1:" + bobPort + "\",\"play_dialtone\":true,\"ringing_timeout\":\"2s\"}");
      assertEquals(408, response.statusCode(), response.body());
      assertTrue(response.body().contains("\"code\":\"deadline_exceeded\""), response.body());
      assertTrue(response.body().contains("\"sip_status_code\":\"408\""), response.body());
      bobKeys.awaitEvent("CALL_INCOMING", Duration.ofSeconds(5)); // it rang and nobody answered
      assertTrue(server.server().rooms().room(ROOM).orElseThrow().participant("sip_alice").isPresent(),
          "the caller is still in the room");

      aliceKeys.command("quit", "");
      bobKeys.command("quit", "");
      assertTrue(alice.awaitExit(Duration.ofSeconds(10)), "baresip did not quit");
      int longest = 0;
      try (var files = java.nio.file.Files.list(dir.resolve("alice"))) {
        for (Path wav : files.filter(p -> p.getFileName().toString().endsWith("-dec.wav")).toList()) {
          Heard heard = new Heard(WavFile.read(wav));
          int from = heard.firstMillisWith(TRANSFER_TONE);
          if (from >= 0) {
            longest = Math.max(longest, heard.lastsFrom(from, TRANSFER_TONE));
          }
        }
      }
      assertTrue(longest >= 800 && longest <= 1200,
          "alice heard the 1 s burst of ringing for " + longest + " ms\n" + alice.log());
    }
  }

  private HttpResponse<String> transferByJson(String body) throws Exception {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.addSIPGrants(new SIPCall(true));
    token.addGrants(new RoomAdmin(true), new RoomName(ROOM));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/twirp/livekit.SIP/TransferSIPParticipant"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token.toJwt())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static String errorBody(retrofit2.Response<?> response) {
    try {
      return response.errorBody() == null ? "" : response.errorBody().string();
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private Baresip phone(String user, int sipPort) throws Exception {
    Path microphone = dir.resolve(user + ".wav");
    WavFile.mono(RATE, ToneGenerator.tone(user.equals("bob") ? 1000 : 440, 8000, RATE, RATE * 60)).write(microphone);
    return new Baresip(dir.resolve(user), user, sipPort, microphone, FreePorts.one());
  }
}
