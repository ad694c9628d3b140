package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CreateSIPParticipant with media_encryption REQUIRE to a phone that takes SRTP only (baresip,
 * {@code mediaenc=srtp-mand}): we offer RTP/SAVP with an SDES key, the phone answers with its own,
 * and the room's 1 kHz tone reaches the phone while the phone's 700 Hz reaches the room.
 */
class OutboundSrtpToBaresipTest {
  private static final int RATE = 8000;
  private static final double ROOM_TONE = 1000;
  private static final double PHONE_TONE = 700;
  private static final String ROOM = "secure-dial-out";

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    assumeTrue(Files.exists(Path.of("/usr/lib/baresip/modules/srtp.so")) || System.getenv("CI") != null,
        "baresip's srtp module is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anSrtpOnlyPhoneAndTheRoomHearEachOther() throws Exception {
    Path phoneTone = dir.resolve("phone.wav");
    WavFile.mono(RATE, ToneGenerator.tone(PHONE_TONE, 8000, RATE, RATE * 30)).write(phoneTone);
    int phonePort = FreePorts.pair();
    try (Baresip phone = new Baresip(dir.resolve("phone"), "callee", phonePort, phoneTone, FreePorts.one(), "srtp-mand");
        BaresipControl control = phone.start(Duration.ofSeconds(40))) {
      SipServiceClient sip =
          SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      String trunk = ok(sip.createSipOutboundTrunk("phone", "127.0.0.1:" + phonePort, List.of("+15105550100"),
          new CreateSipOutboundTrunkOptions()).execute()).getSipTrunkId();
      var ear = new Ear(server);

      var answered = new CompletableFuture<JsonNode>();
      Thread call = Thread.ofVirtual().start(() -> {
        try {
          answered.complete(JsonTwirp.post(server.url(), "CreateSIPParticipant",
              "{\"sip_trunk_id\":\"" + trunk + "\",\"sip_call_to\":\"callee\",\"room_name\":\"" + ROOM + "\","
                  + "\"participant_identity\":\"phone\",\"wait_until_answered\":true,"
                  + "\"media_encryption\":\"SIP_MEDIA_ENCRYPT_REQUIRE\"}"));
        } catch (Exception | AssertionError e) {
          answered.completeExceptionally(e);
        }
      });
      try {
        control.awaitEvent("CALL_INCOMING", Duration.ofSeconds(15));
      } catch (AssertionError noCall) {
        throw new AssertionError(noCall.getMessage() + "; CreateSIPParticipant: "
            + answered.handle((r, e) -> e == null ? r.toString() : e.toString()).getNow("still waiting")
            + "\n" + phone.log(), noCall);
      }
      control.command("accept", "");
      assertEquals("phone", answered.get(15, TimeUnit.SECONDS).get("participant_identity").asText());

      ear.awaitPhoneTone();
      assertTrue(server.server().rooms().room(ROOM).orElseThrow().remove("phone", DisconnectReason.PARTICIPANT_REMOVED));
      control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
      control.command("quit", "");
      assertTrue(phone.awaitExit(Duration.ofSeconds(10)), "the phone did not quit");
      call.join();

      WavFile heard = WavFile.read(phone.heard());
      short[] s = heard.samples();
      int from = s.length / 2; // the call lasted 3 s or more: look at its second half
      int length = Math.min(heard.sampleRate(), s.length - from);
      assertTrue(length >= heard.sampleRate(), "recording too short: " + s.length + "\n" + phone.log());
      double roomTone = Goertzel.amplitude(s, from, length, heard.sampleRate(), ROOM_TONE);
      assertTrue(roomTone > 3000, "the phone should hear the room's 1 kHz tone, got amplitude " + roomTone
          + "\n" + phone.log());
      ear.close();
    }
  }

  /** In the room: speaks 1 kHz, listens for the phone's 700 Hz in the mix. */
  private static final class Ear implements AudioSink {
    private final LocalParticipant participant;
    private int heard;
    private int frames;

    Ear(RunningSwitchboard server) {
      participant = server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET)
          .join(new ParticipantSpec("ear", "Ear", ParticipantKind.STANDARD, "", null), new ParticipantListener() {});
      participant.publishAudio("tone", new ToneGenerator(ROOM_TONE, 8000, RATE));
      participant.subscribeMix(this);
    }

    @Override
    public int sampleRate() {
      return RATE;
    }

    @Override
    public synchronized void write(PcmFrame frame) {
      if (Goertzel.amplitude(frame.samples(), 0, frame.length(), RATE, PHONE_TONE) > 2000) {
        heard++;
      }
      frames++;
      notifyAll();
    }

    /**
     * 3 s of the phone's tone in all, not in a row: on a busy machine a late packet now and then
     * empties a frame, and a run reset by each one may never reach 3 s.
     */
    synchronized void awaitPhoneTone() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (heard < 150) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("the room heard the phone's 700 Hz tone in only " + heard + " of " + frames
              + " frames");
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    void close() {
      participant.leave(DisconnectReason.CLIENT_INITIATED);
    }
  }
}
