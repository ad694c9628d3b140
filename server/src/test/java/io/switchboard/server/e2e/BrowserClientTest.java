package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.SipDispatchRuleDirect;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.server.testing.RunningSwitchboard;
import io.switchboard.sfu.room.ParticipantInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * livekit-client in Debian's headless Chromium joins a room over /rtc and publishes its
 * microphone (Chromium's fake capture device playing a 440 Hz WAV). A real phone (baresip) dials
 * into the same room playing 1 kHz: the phone must hear the browser's tone and the browser the
 * phone's, measured on each side (Goertzel on the phone's recording, WebAudio in the page). The
 * same again with Chromium barred from UDP, as behind a firewall: it must connect over ICE-TCP.
 */
class BrowserClientTest {
  private static final String NUMBER = "+15550177";
  private static final String ROOM = "browser-room";
  private static final double BROWSER_TONE = 440;
  private static final double PHONE_TONE = 1000;

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    boolean tools = Chromium.installed() && BrowserPage.clientInstalled() && Baresip.installed();
    assumeTrue(tools || System.getenv("CI") != null, "chromium, livekit-client or baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void browserAndPhoneHearEachOther() throws Exception {
    JsonNode joined = browserAndPhoneTalk(List.of());
    assertEquals("[\"udp\",\"udp\"]", joined.get("transports").toString(),
        "publisher and subscriber connections should use UDP when they can: " + joined);
  }

  @Test
  void browserThatCannotUseUdpConnectsOverIceTcp() throws Exception {
    JsonNode joined = browserAndPhoneTalk(List.of(Chromium.UDP_BLOCKED));
    assertEquals("[\"tcp\",\"tcp\"]", joined.get("transports").toString(),
        "publisher and subscriber connections should fall back to ICE-TCP on port "
            + server.server().rtcTcpPort().orElseThrow() + ": " + joined);
  }

  /** The browser joins, then a phone calls in; each must hear the other. Returns the join report. */
  private JsonNode browserAndPhoneTalk(List<String> chromiumFlags) throws Exception {
    routeNumberToRoom();
    Path browserTone = dir.resolve("browser.wav");
    WavFile.mono(48000, ToneGenerator.tone(BROWSER_TONE, 8000, 48000, 48000 * 30)).write(browserTone);
    Path phoneTone = dir.resolve("phone.wav");
    WavFile.mono(8000, ToneGenerator.tone(PHONE_TONE, 8000, 8000, 8000 * 10)).write(phoneTone);

    try (BrowserPage page = new BrowserPage();
        Chromium browser = new Chromium(dir.resolve("chromium"), browserTone, page.address(Map.of(
            "url", server.url().replaceFirst("^http", "ws"),
            "token", browserToken(),
            "holdMs", "25000",
            "listenMs", "3000")), chromiumFlags)) {
      JsonNode joined = page.await(r -> r.has("connected"), Duration.ofSeconds(40), "connecting");
      assertTrue(joined.get("connected").asBoolean(), "the browser could not connect: " + joined + "\n" + browser.log());
      assertEquals("browser", joined.get("identity").asText());
      assertTrue(joined.get("sid").asText().startsWith("PA_"), joined.toString());
      JsonNode track = joined.get("tracks").get(0);
      assertEquals("audio", track.get("kind").asText(), joined.toString());
      assertTrue(track.get("sid").asText().startsWith("TR_"), joined.toString());
      ParticipantInfo seen = server.server().rooms().room(ROOM).orElseThrow().participant("browser").orElseThrow();
      assertEquals(1, seen.tracks().size(), "the server should list the browser's microphone: " + seen);

      try (Baresip phone = new Baresip(dir.resolve("phone"), "carol", FreePorts.pair(), phoneTone)) {
        phone.dial("sip:" + NUMBER + "@127.0.0.1:" + server.sipPort(), Duration.ofSeconds(8));
        JsonNode heard = page.await(r -> r.has("heard"), Duration.ofSeconds(30), "hearing the phone").get("heard");
        assertTrue(Math.abs(heard.get("hz").asDouble() - PHONE_TONE) < 20,
            "the browser should hear the phone's " + PHONE_TONE + " Hz tone, heard " + heard);
        assertTrue(phone.awaitExit(Duration.ofSeconds(30)), "the phone did not finish");
        assertPhoneHeard(phone, BROWSER_TONE);
      }
      return joined;
    }
  }

  private void routeNumberToRoom() {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    String trunkId;
    try {
      trunkId = ok(sip.createSipInboundTrunk("loopback carrier", List.of(NUMBER), trunkOptions).execute()).getSipTrunkId();
      var ruleOptions = new CreateSipDispatchRuleOptions();
      ruleOptions.setTrunkIds(List.of(trunkId));
      ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), ruleOptions).execute());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String browserToken() {
    AccessToken token = new AccessToken(RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    token.setIdentity("browser");
    token.setName("Browser");
    token.addGrants(new RoomJoin(true), new RoomName(ROOM), new CanPublish(true), new CanSubscribe(true));
    return token.toJwt();
  }

  /** Skips the first second (set-up, jitter buffer) and expects the tone at a clear level after. */
  private static void assertPhoneHeard(Baresip phone, double expected) throws java.io.IOException {
    Heard heard = new Heard(WavFile.read(phone.heard()));
    int length = Math.min(3000, heard.millis() - 1000);
    assertTrue(length > 1000, "recording too short: " + heard.millis() + " ms\n" + phone.log());
    // Per 100 ms window (their median): a late packet's phase break spoils one window, not the level.
    double amplitude = heard.medianLevel(1000, length, expected);
    assertTrue(amplitude > 1000, "the phone should hear the browser's " + expected + " Hz tone, got amplitude "
        + amplitude + "\n" + heard.describe() + "\n" + phone.log());
  }
}
