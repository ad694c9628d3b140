package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.CreateSipParticipantOptions;
import io.livekit.server.SipServiceClient;
import io.switchboard.media.audio.AudioSink;
import io.switchboard.media.audio.PcmFrame;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.ToneGenerator;
import io.switchboard.media.testing.WavFile;
import io.switchboard.sfu.room.DataMessage;
import io.switchboard.sfu.room.DataPacket;
import io.switchboard.sfu.room.DisconnectReason;
import io.switchboard.sfu.room.LocalParticipant;
import io.switchboard.sfu.room.ParticipantKind;
import io.switchboard.sfu.room.ParticipantListener;
import io.switchboard.sfu.room.ParticipantSpec;
import io.switchboard.sfu.room.RoomOptions;
import io.switchboard.server.testing.RunningSwitchboard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import livekit.LivekitSip.SIPParticipantInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outbound call to a real phone (baresip, answering through its control port), placed with
 * LiveKit's Java SDK: a tone spoken in the room is heard by the callee, the callee's tone is
 * heard in the room, and the request's DTMF reaches the phone as RFC 4733 events after the
 * answer, with its {@code w} pause; keys the callee presses reach the room as SipDTMF.
 */
class OutboundToBaresipTest {
  private static final int RATE = 8000;
  private static final double ROOM_TONE = 1000;
  private static final double PHONE_TONE = 700;
  private static final String ROOM = "dial-out";

  @TempDir Path dir;
  private RunningSwitchboard server;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Baresip.installed() || System.getenv("CI") != null, "baresip is not installed");
    server = new RunningSwitchboard(dir.resolve("data"));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void roomAndPhoneHearEachOtherAndTheDigitsArriveAfterTheAnswer() throws Exception {
    Path phoneTone = dir.resolve("phone.wav");
    WavFile.mono(RATE, ToneGenerator.tone(PHONE_TONE, 8000, RATE, RATE * 30)).write(phoneTone);
    int phonePort = FreePorts.pair();
    try (Baresip phone = new Baresip(dir.resolve("phone"), "callee", phonePort, phoneTone, FreePorts.one());
        BaresipControl control = phone.start(Duration.ofSeconds(40))) {
      SipServiceClient sip =
          SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
      var trunkOptions = new CreateSipOutboundTrunkOptions();
      String trunk = ok(sip.createSipOutboundTrunk("phone", "127.0.0.1:" + phonePort, List.of("+15105550100"),
          trunkOptions).execute()).getSipTrunkId();
      var ear = new Ear(server);

      // identity, name, metadata, dtmf, play_ringtone, play_dialtone, hide_phone_number, wait_until_answered
      var options = new CreateSipParticipantOptions("phone", "Phone", null, "1w2", null, null, null, true);
      var answered = new java.util.concurrent.CompletableFuture<SIPParticipantInfo>();
      Thread call = Thread.ofVirtual().start(() -> {
        try {
          answered.complete(ok(sip.createSipParticipant(trunk, "callee", ROOM, options).execute()));
        } catch (Exception | AssertionError e) {
          answered.completeExceptionally(e);
        }
      });
      // baresip takes calls for its account user only: sip_call_to may be a SIP user as well as a number
      control.awaitEvent("CALL_INCOMING", Duration.ofSeconds(15));
      control.command("accept", "");
      SIPParticipantInfo info = answered.get(15, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals("phone", info.getParticipantIdentity());

      String first = control.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(10));
      String second = control.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(10));
      assertTrue(first.contains("\"param\":\"1\""), first);
      assertTrue(second.contains("\"param\":\"2\""), second);

      ear.awaitPhoneTone();
      control.command("sndcode", "7#"); // RFC 4733 from the callee: SipDTMF in the room, from its participant
      for (var expected : List.of(new DataMessage.SipDtmf(7, "7"), new DataMessage.SipDtmf(11, "#"))) {
        DataPacket key = ear.keys.poll(15, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(key != null, "no SipDTMF " + expected.key() + " from the callee");
        assertEquals(expected, key.value());
        assertEquals("phone", key.participantIdentity());
      }
      assertTrue(server.server().rooms().room(ROOM).orElseThrow().remove("phone", DisconnectReason.PARTICIPANT_REMOVED));
      control.awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
      control.command("quit", "");
      assertTrue(phone.awaitExit(Duration.ofSeconds(10)), "the phone did not quit");
      call.join();

      WavFile heard = WavFile.read(phone.heard());
      short[] s = heard.samples();
      // The call lasted 3 s or more (the ear heard the phone that long): look at its second half.
      int from = s.length / 2;
      int length = Math.min(heard.sampleRate(), s.length - from);
      assertTrue(length >= heard.sampleRate(), "recording too short: " + s.length + "\n" + phone.log());
      double roomTone = Goertzel.amplitude(s, from, length, heard.sampleRate(), ROOM_TONE);
      assertTrue(roomTone > 3000, "the phone should hear the room's 1 kHz tone, got amplitude " + roomTone);
      ear.close();
    }
  }

  /** In the room: speaks 1 kHz, listens for the phone's 700 Hz in the mix. */
  private static final class Ear implements AudioSink {
    private final LocalParticipant participant;
    final java.util.concurrent.BlockingQueue<DataPacket> keys = new java.util.concurrent.LinkedBlockingQueue<>();
    private int heard;
    private int frames;

    Ear(RunningSwitchboard server) {
      participant = server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET)
          .join(new ParticipantSpec("ear", "Ear", ParticipantKind.STANDARD, "", null), new ParticipantListener() {
            @Override
            public void onData(DataPacket packet) {
              keys.add(packet);
            }
          });
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
