package io.switchboard.agent.openai;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.media.testing.Goertzel;
import io.switchboard.media.testing.SignalMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streamed 24 kHz s16le PCM from /audio/speech, handed on as it arrives. */
class OpenAiTextToSpeechTest {
  private final ReplayServer server = new ReplayServer();

  @AfterEach
  void stop() {
    server.close();
  }

  /** Hands on the server's 24 kHz samples as they are. */
  private OpenAiTextToSpeech tts() {
    return new OpenAiTextToSpeech(OpenAiEndpoint.of("kokoro", server.baseUrl(), "tts-1", "sk-tts"), "alloy", 1.0,
        OpenAiTextToSpeech.WIRE_RATE);
  }

  /** Half a second of a 1 kHz sine at 24 kHz, little-endian 16-bit, as the server would send it. */
  private static short[] sine() {
    short[] s = new short[12_000];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) Math.round(20_000 * Math.sin(2 * Math.PI * 1000 * i / 24_000.0));
    }
    return s;
  }

  private static byte[] s16le(short[] s) {
    byte[] b = new byte[2 * s.length];
    for (int i = 0; i < s.length; i++) {
      b[2 * i] = (byte) s[i];
      b[2 * i + 1] = (byte) (s[i] >> 8);
    }
    return b;
  }

  /** Collects what the provider hands on. */
  private static final class Heard {
    short[] samples = new short[0];
    int count;

    synchronized void add(short[] s, int offset, int length) {
      if (count + length > samples.length) {
        samples = java.util.Arrays.copyOf(samples, Math.max(2 * samples.length, count + length));
      }
      System.arraycopy(s, offset, samples, count, length);
      count += length;
    }

    synchronized short[] all() {
      return java.util.Arrays.copyOf(samples, count);
    }
  }

  @Test
  void decodesThePcmStreamExactlyEvenWhenPiecesSplitASample() throws Exception {
    short[] sine = sine();
    server.route("audio/speech", ReplayServer.pieces("audio/pcm", s16le(sine), 333)); // odd: samples straddle pieces
    Heard heard = new Heard();
    tts().synthesize("Your table is booked.", heard::add);
    assertArrayEquals(sine, heard.all());

    ReplayServer.Recorded request = server.requests().getFirst();
    assertEquals("/v1/audio/speech", request.path());
    assertEquals("Bearer sk-tts", request.header("authorization"));
    assertEquals(new ObjectMapper().readTree(
            "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\"Your table is booked.\",\"response_format\":\"pcm\"}"),
        new ObjectMapper().readTree(request.body()));
  }

  @Test
  void byDefaultTheAudioComesAt48kHzWhichRoomsConvertFrom() throws Exception {
    server.route("audio/speech", ReplayServer.pieces("audio/pcm", s16le(sine()), 1000));
    OpenAiTextToSpeech tts = new OpenAiTextToSpeech(OpenAiEndpoint.of("openai", server.baseUrl(), "tts-1", ""), "alloy", 1.0);
    assertEquals(48_000, tts.sampleRate());
    Heard heard = new Heard();
    tts.synthesize("Hello.", heard::add);
    short[] out = heard.all();
    assertEquals(24_000, out.length, "half a second at 48 kHz");
    // After the filter settles: still the 1 kHz tone, at about its level (20000 peak = -4.3 dBFS).
    assertTrue(Goertzel.relativeDb(out, 960, 19_200, 48_000, 1000) > -1, "1 kHz dominates");
    double level = SignalMetrics.rmsDbfs(out, 960, 19_200);
    assertTrue(Math.abs(level - (-7.3)) < 1, level + " dBFS");
  }

  @Test
  void theFirstAudioIsHandedOnBeforeTheServerHasFinished() throws Exception {
    short[] sine = sine();
    ReplayServer.Streamed reply = new ReplayServer.Streamed("audio/pcm", s16le(sine), 960, 1, 0);
    server.route("audio/speech", reply);
    Heard heard = new Heard();
    tts().synthesize("Hello.", (s, o, n) -> {
      heard.add(s, o, n);
      reply.open(); // reachable only if audio arrived while the server was paused after 20 ms
    });
    assertTrue(reply.openedByClient);
    assertArrayEquals(sine, heard.all());
  }

  @Test
  void interruptingClosesTheAudioStream() throws Exception {
    ReplayServer.Streamed reply = new ReplayServer.Streamed("audio/pcm", s16le(sine()), 960, 1, 2000);
    server.route("audio/speech", reply);
    AtomicReference<Thread> caller = new AtomicReference<>();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    Heard heard = new Heard();
    CompletableFuture<Void> firstAudio = new CompletableFuture<>();
    Thread.ofVirtual().start(() -> {
      caller.set(Thread.currentThread());
      try {
        tts().synthesize("A long answer.", (s, o, n) -> {
          heard.add(s, o, n);
          firstAudio.complete(null);
        });
        ended.complete(null);
      } catch (Throwable t) {
        ended.complete(t);
      }
    });
    firstAudio.get(10, TimeUnit.SECONDS);
    caller.get().interrupt();
    reply.open();
    assertInstanceOf(InterruptedException.class, ended.get(10, TimeUnit.SECONDS));
    assertTrue(reply.clientClosed.await(10, TimeUnit.SECONDS), "the server saw the connection closed");
    assertEquals(480, heard.all().length, "only the 20 ms sent before the interruption");
  }

  @Test
  void rejectsBadSettingsAndReportsServerErrors() {
    OpenAiEndpoint endpoint = OpenAiEndpoint.of("kokoro", server.baseUrl(), "tts-1", "");
    assertEquals("kokoro: a TTS voice is required (e.g. alloy)",
        assertThrows(IllegalArgumentException.class, () -> new OpenAiTextToSpeech(endpoint, " ", 1.0)).getMessage());
    assertEquals("kokoro: TTS speed must be 0.25 to 4.0, not 5.0",
        assertThrows(IllegalArgumentException.class, () -> new OpenAiTextToSpeech(endpoint, "alloy", 5.0)).getMessage());
    server.route("audio/speech", ReplayServer.status(400, "application/json",
        "{\"error\":{\"message\":\"Voice 'nova2' not found\",\"type\":\"invalid_request_error\"}}"));
    OpenAiException e = assertThrows(OpenAiException.class, () -> tts().synthesize("Hi", (s, o, n) -> {}));
    assertEquals("kokoro at " + server.uri("audio/speech") + " answered HTTP 400: bad request: Voice 'nova2' not found", e.getMessage());
    assertTrue(server.requests().getFirst().header("authorization") != null);
  }
}
