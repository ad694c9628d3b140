package io.switchboard.server.e2e;

import static io.switchboard.server.e2e.ApiCalls.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.SipDispatchRuleDirect;
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
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone whose only codec is Opus (baresip with just its opus module, as a carrier offering
 * Opus would) and a G.711 phone call into one room, where someone in this process listens to
 * the room at 48 kHz. The Opus phone plays 440 Hz plus 6 kHz, the G.711 phone 1000 Hz: each
 * phone hears the other's tone and not its own, and the listener hears the 6 kHz, which no
 * narrowband leg could carry (G.711 stops at 3.4 kHz): the Opus leg is wideband end to end.
 */
class OpusCallerTest {
  private static final String NUMBER = "+15550148";
  private static final String ROOM = "wideband";
  private static final double OPUS_TONE = 440;
  private static final double WIDEBAND_TONE = 6000;
  private static final double G711_TONE = 1000;
  private static final int WIDE_RATE = 48_000;

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
  void opusCallerAndG711CallerHearEachOtherAndTheRoomHearsTheOpusCallerWideband() throws Exception {
    SipServiceClient sip =
        SipServiceClient.createClient(server.url(), RunningSwitchboard.API_KEY, RunningSwitchboard.API_SECRET);
    var trunkOptions = new CreateSipInboundTrunkOptions();
    trunkOptions.setAllowedAddresses(List.of("127.0.0.1/32"));
    SIPInboundTrunkInfo trunk = ok(sip.createSipInboundTrunk("opus carrier", List.of(NUMBER), trunkOptions).execute());
    var ruleOptions = new CreateSipDispatchRuleOptions();
    ruleOptions.setTrunkIds(List.of(trunk.getSipTrunkId()));
    ok(sip.createSipDispatchRule(new SipDispatchRuleDirect(ROOM, ""), ruleOptions).execute());

    Path opusMic = dir.resolve("opus.wav");
    short[] low = ToneGenerator.tone(OPUS_TONE, 6000, WIDE_RATE, WIDE_RATE * 15); // as long as the call
    short[] high = ToneGenerator.tone(WIDEBAND_TONE, 6000, WIDE_RATE, WIDE_RATE * 15);
    short[] both = new short[low.length];
    for (int i = 0; i < both.length; i++) {
      both[i] = (short) (low[i] + high[i]);
    }
    WavFile.mono(WIDE_RATE, both).write(opusMic);
    Path g711Mic = dir.resolve("g711.wav");
    WavFile.mono(8000, ToneGenerator.tone(G711_TONE, 8000, 8000, 8000 * 15)).write(g711Mic);

    String uri = "sip:" + NUMBER + "@127.0.0.1:" + server.sipPort();
    try (WidebandEar ear = new WidebandEar(server);
        Baresip opus = Baresip.opusOnly(dir.resolve("opus"), "olga", FreePorts.pair(), opusMic);
        Baresip g711 = new Baresip(dir.resolve("g711"), "gus", FreePorts.pair(), g711Mic)) {
      opus.dial(uri, Duration.ofSeconds(12));
      g711.dial(uri, Duration.ofSeconds(12));
      assertTrue(opus.awaitExit(Duration.ofSeconds(30)), "the Opus phone did not finish");
      assertTrue(g711.awaitExit(Duration.ofSeconds(30)), "the G.711 phone did not finish");

      assertAnsweredWithOpus(opus.log());
      WavFile opusHeard = WavFile.read(opus.heard());
      assertEquals(WIDE_RATE, opusHeard.sampleRate(), "the Opus phone decoded 48 kHz audio\n" + opus.log());
      assertHears(opusHeard.channel(0), opusHeard.sampleRate(), G711_TONE, OPUS_TONE, opus);
      WavFile g711Heard = WavFile.read(g711.heard());
      assertEquals(8000, g711Heard.sampleRate());
      assertHears(g711Heard.samples(), g711Heard.sampleRate(), OPUS_TONE, G711_TONE, g711);

      System.out.println("room heard 6 kHz in " + ear.framesWithWideband() + " of " + ear.frames() + " frames");
      // One second's worth of 20 ms frames with the 6 kHz tone clearly in the room's 48 kHz mix.
      assertTrue(ear.framesWithWideband() >= 50,
          "the room heard 6 kHz in " + ear.framesWithWideband() + " of " + ear.frames() + " frames");
    }
  }

  /** Our 200 OK, as the phone logged it, puts Opus on the phone's payload type and nothing else. */
  private static void assertAnsweredWithOpus(String log) {
    int ok = log.indexOf("SIP/2.0 200 OK");
    assertTrue(ok >= 0, "no 200 OK in the phone's SIP trace:\n" + log);
    Matcher media = Pattern.compile("m=audio \\d+ RTP/AVP (\\d+)[^\\r\\n]*").matcher(log);
    assertTrue(media.find(ok), "no SDP answer in the 200 OK:\n" + log.substring(ok));
    String payloadType = media.group(1);
    String answer = log.substring(media.start(), Math.min(log.length(), media.start() + 600));
    System.out.println("our answer to the Opus phone: " + answer.lines().limit(4).toList());
    assertTrue(answer.contains("a=rtpmap:" + payloadType + " opus/48000/2"), "answer: " + answer);
    assertTrue(!answer.contains("PCMU") && !answer.contains("G722"), "answer: " + answer);
  }

  /** The phone heard {@code expected} loudly, and its own tone at least 30 dB below it. */
  private static void assertHears(short[] s, int rate, double expected, double own, Baresip phone) throws IOException {
    Heard heard = new Heard(WavFile.mono(rate, s));
    // Two seconds from half a second after the other's tone first came (the other phone may get
    // through later on a busy machine), and never within the first two (both calls setting up);
    // per 100 ms window, so that a late packet's phase break spoils one window, not the level.
    int from = heard.settledMillisOf(expected, 2000);
    int length = Math.min(2000, heard.millis() - from);
    assertTrue(length > 1000, "recording too short: " + heard.millis() + " ms\n" + phone.log());
    double wanted = heard.medianLevel(from, length, expected);
    double self = heard.medianLevel(from, length, own);
    System.out.printf("%s heard %.0f Hz at %.0f (one 2 s window: %.0f), its own %.0f Hz at %.0f%n", phone.name(),
        expected, wanted, Goertzel.amplitude(s, from * rate / 1000, length * rate / 1000, rate, expected), own, self);
    assertTrue(wanted > 3000, "expected a " + expected + " Hz tone from " + from + " ms, got amplitude " + wanted + "\n"
        + heard.describe() + "\n" + phone.log());
    assertTrue(20 * Math.log10(wanted / Math.max(self, 1)) > 30,
        "own tone " + own + " Hz heard at " + self + " against " + wanted + " for the other's");
  }

  /** A silent participant in this process hearing the room's mix at 48 kHz. */
  private static final class WidebandEar implements AudioSink, AutoCloseable {
    private final LocalParticipant participant;
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicInteger wideband = new AtomicInteger();

    WidebandEar(RunningSwitchboard server) {
      participant = server.server().rooms().getOrCreate(ROOM, RoomOptions.UNSET)
          .join(new ParticipantSpec("ear", "Ear", ParticipantKind.STANDARD, "", Map.of()), ParticipantListener.NONE);
      participant.subscribeMix(this);
    }

    @Override
    public int sampleRate() {
      return WIDE_RATE;
    }

    @Override
    public void write(PcmFrame frame) {
      frames.incrementAndGet();
      if (frame.sampleRate() == WIDE_RATE
          && Goertzel.amplitude(frame.samples(), 0, frame.length(), WIDE_RATE, WIDEBAND_TONE) > 2000) {
        wideband.incrementAndGet();
      }
    }

    int frames() {
      return frames.get();
    }

    int framesWithWideband() {
      return wideband.get();
    }

    @Override
    public void close() {
      participant.leave(DisconnectReason.CLIENT_INITIATED);
    }
  }
}
